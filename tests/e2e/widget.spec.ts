import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './support/auth'
import { expectAccessible, saveScreenshots } from './support/checks'
import { createTenantInConsole } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'

/*
 * The embeddable widget on another site: a tiny static server on two more local ports
 * plays the tenant's own site (an allowed origin) and a stranger's (not on the list). A
 * verified end user asks through the widget and gets a sourced answer; a wrong hash is
 * refused in the widget; the stranger's page can neither get a token nor frame the chat.
 */
test.describe.configure({ mode: 'serial' })

const TENANT = { name: 'Harbour Books', slug: 'harbour-books' }
const FACT = 'Harbour Books opens at 9 am and closes at 7 pm, and the reading room upstairs is kept quiet.'
const QUESTION = 'When does Harbour Books open?'

let admin: Page
let tenantId = ''
let identitySecret = ''
let shop: { server: Server; origin: string }
let stranger: { server: Server; origin: string }

const hash = (userId: string, secret = identitySecret) => createHmac('sha256', secret).update(userId, 'utf8').digest('hex')

/** A page of another site: the snippet as the dashboard shows it, with the end user's id and hash when given. */
function sitePage(user: { id: string; hash: string } | null, frameSrc: string | null): string {
  const identity = user ? ` data-user-id="${user.id}" data-user-hash="${user.hash}"` : ''
  const frame = frameSrc ? `<iframe title="Framed directly" src="${frameSrc}" width="400" height="300"></iframe>` : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A shop</title></head>
<body><h1>The shop’s own page</h1>${frame}
<script src="${platformUrl('/widget.js')}" data-tenant="${TENANT.slug}"${identity}></script></body></html>`
}

/** Serves pages by path on 127.0.0.1 at a free port; `pages` is read at request time. */
async function startSite(pages: Record<string, () => string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://site').pathname]
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    response.end(page ? page() : 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const widgetFrame = (page: Page) => page.frameLocator(`iframe[title="${TENANT.name} assistant"]`)

test.beforeAll(async () => {
  shop = await startSite({
    '/verified': () => sitePage({ id: 'reader-17', hash: hash('reader-17') }, null),
    '/wrong-hash': () => sitePage({ id: 'reader-17', hash: hash('reader-17', 'a guessed secret') }, null),
  })
  stranger = await startSite({
    // It even names the shop as the embedding origin: only frame-ancestors stands between it and the chat.
    '/': () => sitePage(null, tenantUrl(TENANT.slug, `/embed?origin=${encodeURIComponent(shop.origin)}`)),
  })
})
test.afterAll(async () => {
  for (const site of [shop, stranger]) await new Promise((resolve) => site?.server.close(resolve))
})

test('a tenant admin allows the shop’s origin on the Embed page and copies the snippet with the platform’s address', async ({
  browser,
}) => {
  admin = await (await browser.newContext()).newPage()
  await signIn(admin, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  tenantId = (await createTenantInConsole(admin, TENANT)).split('/').at(-1) ?? ''
  // The API from the console page itself: its fetch carries the session cookie and the console's Origin.
  const made = await admin.evaluate(
    async ({ id, fact }) => {
      const knowledge = await fetch(`/api/admin/tenants/${id}/knowledge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Opening hours', content: fact }),
      })
      const secret = await fetch(`/api/admin/tenants/${id}/identity-secret`, { method: 'POST' })
      return { knowledge: knowledge.status, secret: ((await secret.json()) as { secret: string }).secret }
    },
    { id: tenantId, fact: FACT },
  )
  expect(made.knowledge).toBe(201)
  identitySecret = made.secret

  await admin.goto(platformUrl(`/t/${TENANT.slug}/dashboard`))
  await admin.getByRole('navigation', { name: 'Dashboard sections' }).getByRole('link', { name: 'Embed' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Embed' })).toBeVisible()
  await admin.getByLabel('Origin').fill('https://shop.example/checkout')
  await admin.getByRole('button', { name: 'Allow site' }).click()
  await expect(admin.getByText('must be an origin only (scheme, host and port), without a path')).toBeVisible()
  await admin.getByLabel('Origin').fill(`${shop.origin}/`)
  await admin.getByRole('button', { name: 'Allow site' }).click()
  const allowed = admin.getByRole('list', { name: 'Allowed sites' })
  await expect(allowed.getByText(shop.origin, { exact: true })).toBeVisible()
  await expect(admin.getByTestId('embed-snippet')).toHaveText(
    `<script src="${platformUrl('/widget.js')}" data-tenant="${TENANT.slug}"></script>`,
  )
  await expectAccessible(admin, 'dashboard embed')
  await saveScreenshots(admin, 'dashboard-embed', ['laptop', 'phone'])
})

test('widget.js is a cacheable script of its own content type', async ({ page }) => {
  const response = await page.goto(platformUrl('/widget.js'))
  if (!response) throw new Error('widget.js did not answer')
  expect(response.headers()['content-type']).toBe('text/javascript; charset=utf-8')
  expect(response.headers()['cache-control']).toMatch(/^public, max-age=\d+/)
  expect(response.headers()['set-cookie']).toBeUndefined()
})

test('a verified end user on the shop’s page opens the widget, asks, and sees a sourced answer', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const cookiesSent: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/widget/')) cookiesSent.push(request.headers()['cookie'] ?? '')
  })
  await page.goto(`${shop.origin}/verified`)
  await page.getByRole('button', { name: 'Ask Maia' }).click()
  const frame = widgetFrame(page)
  await expect(frame.getByText(`Welcome to ${TENANT.name}`)).toBeVisible()
  await frame.getByLabel('Your message').fill(QUESTION)
  await frame.getByLabel('Your message').press('Enter')
  const answer = frame.getByRole('article').last()
  await expect(answer).toContainText(/9 am/)
  await expect(answer.getByRole('button', { name: /Opening hours/ })).toBeVisible()
  await expect(frame.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  expect(cookiesSent.length).toBeGreaterThan(0)
  expect(cookiesSent.every((cookie) => cookie === '')).toBe(true)
  await expectAccessible(page, 'widget')
  await saveScreenshots(page, 'widget-answer', ['laptop', 'phone'], false)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'widget in the dark scheme')
  await saveScreenshots(page, 'widget-answer-dark', ['phone'], false)
  await page.emulateMedia({ colorScheme: 'light' })

  // The same end user's history comes back when the widget opens again.
  await page.reload()
  await page.getByRole('button', { name: 'Ask Maia' }).click()
  await expect(widgetFrame(page).getByText(QUESTION)).toBeVisible()
  await context.close()
})

test('a wrong user hash is refused, with the reason shown in the widget', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage()
  const refused = page.waitForResponse((response) => response.url().includes('/api/widget/') && response.request().method() === 'POST')
  await page.goto(`${shop.origin}/wrong-hash`)
  expect((await refused).status()).toBe(401)
  await page.getByRole('button', { name: /^Ask / }).click()
  await expect(page.getByRole('alert')).toContainText('The user hash does not match this user')
  await expect(page.locator('iframe')).toHaveCount(0)
})

test('a page on an origin not on the list gets no token, and its frame of the chat is refused by frame-ancestors', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage()
  const embed = await page.goto(tenantUrl(TENANT.slug, `/embed?origin=${encodeURIComponent(shop.origin)}`))
  expect((embed?.headers()['content-security-policy'] ?? '').split('; ')).toContain(`frame-ancestors ${shop.origin}`)
  expect(embed?.headers()['x-frame-options']).toBeUndefined()

  const refusedByWidget = page.waitForEvent('console', (message) => message.text().includes('may not embed the assistant'))
  // goto waits for the load event, which waits for the frame too (its error page, once refused).
  await page.goto(`${stranger.origin}/`)
  await refusedByWidget
  await expect(page.getByRole('heading', { name: 'The shop’s own page' })).toBeVisible()
  const frame = page.frameLocator('iframe[title="Framed directly"]')
  await expect(frame.getByRole('log')).toHaveCount(0)
  await expect(frame.getByLabel('Your message')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Ask / })).toHaveCount(0)
})
