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

describe('SafeMarkdown code blocks', () => {
  it('highlights a fenced block that names its language and gives it a Copy code button', () => {
    const html = render('```ts\nconst answer: number = 42 // the answer\n```')
    expect(html).toMatch(/<span class="hljs-keyword">const<\/span>/)
    expect(html).toMatch(/<span class="hljs-number">42<\/span>/)
    expect(html).toMatch(/<span class="hljs-comment">\/\/ the answer<\/span>/)
    expect(html).toContain('>ts<')
    expect(html).toContain('>Copy code</button>')
  })

  it('keeps markup inside a code block as text, highlighted or not', () => {
    const html = render('```html\n<script>window.__pwned = 1</script>\n```\n\n```\n<img src=x onerror="alert(1)">\n```')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).toContain('&lt;')
  })

  it('still drops javascript: links and raw HTML next to highlighted code', () => {
    const html = render('[run](javascript:alert(1)) <b onclick="x()">bold</b>\n\n```js\nlet a = 1\n```')
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/<b[\s>]/i)
    expect(html).toContain('hljs-keyword')
  })

  it('keeps tables, ordered and unordered lists intact beside code', () => {
    const html = render('1. first\n2. second\n\n- one\n- two\n\n| a | b |\n| - | - |\n| `x` | 2 |\n\n```py\nprint("hi")\n```')
    expect(html).toMatch(/<ol>\s*<li>first<\/li>/)
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/)
    expect(html).toMatch(/<td[^>]*><code[^>]*>x<\/code><\/td>/)
    expect(html).toContain('hljs-string')
  })
})
