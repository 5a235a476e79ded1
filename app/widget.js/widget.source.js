/*
 * The embeddable widget, served as /widget.js (see route.ts): no dependencies, no cookies.
 *
 *   <script src="https://<platform>/widget.js" data-tenant="<slug>"
 *           data-user-id="<id>" data-user-hash="<HMAC-SHA256(id, identity secret)>"></script>
 *
 * It asks the platform for a widget token (CORS: only the tenant's allowed origins are
 * answered), draws a launcher, and opens the tenant's chat in an iframe on the tenant's
 * own host. The token reaches the frame through postMessage, each side checking the
 * other's origin and window; the frame asks for a fresh one when it runs out.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  if (!script || !script.getAttribute('data-tenant')) {
    console.error('[widget] Load widget.js with a data-tenant attribute naming the organisation.')
    return
  }
  var PREFIX = 'oracle-widget:'
  var platform = new URL(script.src).origin
  var slug = script.getAttribute('data-tenant')
  var userId = script.getAttribute('data-user-id')
  var userHash = script.getAttribute('data-user-hash')
  // The element colours of the platform's palette (app/globals.css).
  var COLOURS = { fire: '#d9480f', water: '#1864ab', earth: '#2b8a3e', air: '#5f3dc4', aether: '#862e9c' }

  var frame = null
  var frameOrigin = null
  var token = null
  var panel = null
  var launcher = null

  function askForToken() {
    var body = userId || userHash ? { userId: userId || '', userHash: userHash || '' } : {}
    return fetch(platform + '/api/widget/' + encodeURIComponent(slug) + '/token', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) return data
        var error = new Error((data && data.error && data.error.message) || 'The assistant is not available.')
        error.shown = true
        throw error
      })
    })
  }

  function style(element, rules) {
    for (var name in rules) element.style.setProperty(name, rules[name])
  }

  function build(branding) {
    var colour = COLOURS[branding.element] || COLOURS.aether
    panel = document.createElement('div')
    panel.setAttribute('role', 'dialog')
    panel.setAttribute('aria-label', branding.tenantName + ' assistant')
    panel.hidden = true
    style(panel, {
      position: 'fixed',
      right: '16px',
      bottom: '84px',
      width: 'min(380px, calc(100vw - 32px))',
      height: 'min(560px, calc(100vh - 110px))',
      'z-index': '2147483000',
      'border-radius': '16px',
      overflow: 'hidden',
      'box-shadow': '0 12px 40px rgba(0,0,0,.25)',
      background: '#fff',
      color: '#1c1917',
      font: '15px/1.5 system-ui, sans-serif',
    })
    launcher = document.createElement('button')
    launcher.type = 'button'
    launcher.textContent = 'Ask ' + branding.assistantName
    launcher.setAttribute('aria-expanded', 'false')
    style(launcher, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      'z-index': '2147483000',
      padding: '12px 18px',
      border: '0',
      'border-radius': '999px',
      background: colour,
      color: '#fff',
      font: '600 15px/1.2 system-ui, sans-serif',
      cursor: 'pointer',
      'box-shadow': '0 6px 20px rgba(0,0,0,.2)',
    })
    launcher.addEventListener('click', function () {
      panel.hidden = !panel.hidden
      launcher.setAttribute('aria-expanded', String(!panel.hidden))
    })
    document.body.appendChild(panel)
    document.body.appendChild(launcher)
  }

  function showRefusal(message) {
    build({ tenantName: slug, assistantName: 'the assistant', element: 'aether' })
    var note = document.createElement('p')
    note.setAttribute('role', 'alert')
    note.textContent = message
    style(note, { margin: '0', padding: '20px' })
    panel.appendChild(note)
  }

  function sendToken(value) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ type: PREFIX + 'token', token: value }, frameOrigin)
  }

  window.addEventListener('message', function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== frameOrigin) return
    var type = event.data && event.data.type
    if (type === PREFIX + 'close') {
      panel.hidden = true
      launcher.setAttribute('aria-expanded', 'false')
      launcher.focus()
    } else if (type === PREFIX + 'ready' && token) {
      sendToken(token)
    } else if (type === PREFIX + 'renew') {
      askForToken().then(
        function (data) {
          token = data.token
          sendToken(token)
        },
        function (error) {
          var message = error.shown ? error.message : 'This site may no longer show the assistant.'
          frame.contentWindow.postMessage({ type: PREFIX + 'refused', message: message }, frameOrigin)
        },
      )
    }
  })

  function start() {
    askForToken().then(
      function (data) {
        token = data.token
        build(data.branding)
        frameOrigin = new URL(data.frameUrl).origin
        frame = document.createElement('iframe')
        frame.src = data.frameUrl
        frame.title = data.branding.tenantName + ' assistant'
        style(frame, { width: '100%', height: '100%', border: '0', display: 'block' })
        panel.appendChild(frame)
      },
      function (error) {
        // A refusal the server explained (a wrong user hash) is shown; a site not on the list cannot read the answer at all.
        if (error.shown) showRefusal(error.message)
        else console.error('[widget] This site may not embed the assistant of "' + slug + '": its admins add the site under Embed.')
      },
    )
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
