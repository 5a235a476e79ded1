import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SafeMarkdown } from '@/components/chat/safe-markdown'

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text }))

describe('SafeMarkdown', () => {
  it('renders Markdown and GFM tables as HTML', () => {
    const html = render('**bold** and a [link](https://example.com)\n\n| a | b |\n| - | - |\n| 1 | 2 |')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('href="https://example.com"')
    expect(html).toContain('rel="noopener noreferrer nofollow"')
    expect(html).toContain('<table')
  })

  it('shows raw HTML as text instead of creating elements', () => {
    const html = render('Hello <script>window.__pwned = 1</script> <img src=x onerror="alert(1)">')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).toContain('&lt;script&gt;')
  })

  it('drops javascript: and data: links but keeps their text', () => {
    const html = render('[click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)')
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/data:text/i)
    expect(html).toContain('click me')
  })

  it('turns images into their alt text so answers cannot load remote pixels', () => {
    const html = render('![tracking pixel](https://tracker.example/p.gif)')
    expect(html).not.toContain('tracker.example')
    expect(html).toContain('[image: tracking pixel]')
  })
})
