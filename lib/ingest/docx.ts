import mammoth from 'mammoth'
import { AppError } from '@/lib/errors'
import type { ExtractionLimits } from './limits'
import { readZip } from './zip'

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
  return decodeEntities(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export type DocxText = { text: string; title?: string }

// Mammoth reads the XML parts; media (images, embedded objects) it never inflates.
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name)

/** The core properties' title (File > Properties in Word), when the author set one. */
function coreTitle(xml: string | undefined): string | undefined {
  const match = xml ? /<dc:title[^>]*>([^<]*)<\/dc:title>/.exec(xml) : null
  const title = match?.[1] ? decodeEntities(match[1]).replace(/\s+/g, ' ').trim() : ''
  return title || undefined
}

/**
 * The XML parts are inflated once within the limits first, so the archive mammoth then
 * opens is known to fit them; a Word document is also a zip, and a zip can be a bomb.
 */
export async function extractDocxText(filename: string, bytes: Uint8Array, limits: ExtractionLimits): Promise<DocxText> {
  const parts = await readZip(filename, bytes, limits, isXmlPart)
  if (!parts.some((part) => part.name === 'word/document.xml')) {
    throw new AppError('unprocessable', `${filename} could not be read: it is a zip archive but not a Word document.`)
  }
  const title = coreTitle(parts.find((part) => part.name === 'docProps/core.xml')?.bytes.toString('utf8'))
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    const { value } = await mammoth.convertToHtml({ buffer }, { convertImage: skipImages })
    return { text: htmlToMarkdownText(value), ...(title ? { title } : {}) }
  } catch (error) {
    throw new AppError('unprocessable', `${filename} could not be read: the Word document is damaged.`, { cause: error })
  }
}
