import { describe, expect, it } from 'vitest'
import { htmlToMarkdownText } from '@/lib/ingest/docx'

describe('htmlToMarkdownText (the HTML mammoth produces)', () => {
  it('turns headings into # lines at their level and paragraphs into blank-line-separated text', () => {
    const html = '<h1>Guide</h1><p>Intro <strong>bold</strong> text.</p><h3>Details</h3><p>More.</p>'
    expect(htmlToMarkdownText(html)).toBe('# Guide\n\nIntro bold text.\n\n### Details\n\nMore.')
  })

  it('writes list items as "- " lines of one block', () => {
    expect(htmlToMarkdownText('<ul><li>One</li><li>Two</li></ul><p>After.</p>')).toBe('- One\n- Two\n\nAfter.')
  })

  it('decodes the entities mammoth escapes, and numeric ones', () => {
    expect(htmlToMarkdownText('<p>Fees &amp; costs &lt;net&gt; &quot;due&quot; &#8364;5 &#x263A;</p>')).toBe(
      'Fees & costs <net> "due" €5 ☺',
    )
  })

  it('drops images and keeps table cells as text', () => {
    const html = '<table><tr><td><p>Plan</p></td><td><p>Price</p></td></tr></table><p><img src="" /> Caption.</p>'
    const text = htmlToMarkdownText(html)
    expect(text).toContain('Plan')
    expect(text).toContain('Price')
    expect(text).not.toContain('<')
    expect(text.endsWith('Caption.')).toBe(true)
  })
})
