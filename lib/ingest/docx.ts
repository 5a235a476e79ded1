import mammoth from 'mammoth'
import { AppError } from '@/lib/errors'

// Images are dropped without being read: we index text, and base64 data URIs would be wasted work.
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole
    const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole
  })
}

/**
 * Mammoth's HTML is simple and well-formed, so a few substitutions turn it into
 * Markdown-like text: headings become `#` lines (the chunker splits sections there),
 * block elements become blank-line-separated paragraphs, list items `- ` lines.
 */
export function htmlToMarkdownText(html: string): string {
  const text = html
    .replace(/<h([1-6])[^>]*>/gi, (_tag, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]>/gi, '\n\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|ul|ol|table|tr|blockquote)>/gi, '\n\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text).replace(/\n{3,}/g, '\n\n').trim()
}

export async function extractDocxText(filename: string, bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    const { value } = await mammoth.convertToHtml({ buffer }, { convertImage: skipImages })
    return htmlToMarkdownText(value)
  } catch (error) {
    throw new AppError('unprocessable', `${filename} could not be read: the Word document is damaged.`, { cause: error })
  }
}
