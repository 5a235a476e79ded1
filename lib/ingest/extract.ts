import { AppError } from '@/lib/errors'
import { extractDocxText } from './docx'
import { assertContentMatches, assertWithinSizeLimit, baseName, formatFromExtension, type DocumentFormat } from './file-types'
import { parseFrontMatter } from './front-matter'
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './limits'
import { firstHeading, normaliseText } from './normalise'
import { extractPdfPages, type PageListener } from './pdf'

export interface ExtractInput {
  filename: string
  bytes: Uint8Array
  /** Defaults to DEFAULT_MAX_UPLOAD_BYTES (20 MB). */
  maxBytes?: number
  limits?: ExtractionLimits
  onPage?: PageListener
}

export interface ExtractedDocument {
  title: string
  text: string
  format: DocumentFormat
  pages?: number
  /** From Markdown front matter, when it has them. */
  description?: string
  tags?: string[]
}

// The author's own title (front matter, PDF Title, Word core properties) first, then the first heading, then the file name.
function titleFrom(text: string, filename: string, metadataTitle: string | undefined): string {
  const name = baseName(filename)
  const dot = name.lastIndexOf('.')
  return metadataTitle ?? firstHeading(text) ?? (dot > 0 ? name.slice(0, dot) : name)
}

function tooMuchText(filename: string, maxTextChars: number): AppError {
  return new AppError(
    'unprocessable',
    `${filename} was refused: it holds more than ${maxTextChars.toLocaleString('en')} characters of text. Split it into smaller documents.`,
  )
}

function noText(filename: string, format: DocumentFormat): AppError {
  const reason =
    format === 'pdf' || format === 'docx'
      ? 'contains no text we can read, for example a scanned image. Upload a version with selectable text.'
      : 'contains no text.'
  return new AppError('unprocessable', `${filename} ${reason}`)
}

/**
 * Turns an uploaded file into normalised text. Throws AppError: 415 for a type we do
 * not accept, 413 over the size limit, 422 for a file we accept but cannot read.
 */
export async function extractText({
  filename,
  bytes,
  maxBytes,
  limits = DEFAULT_EXTRACTION_LIMITS,
  onPage,
}: ExtractInput): Promise<ExtractedDocument> {
  const name = baseName(filename)
  const format = formatFromExtension(filename)
  assertWithinSizeLimit(filename, bytes.length, maxBytes)
  assertContentMatches(filename, format, bytes)
  if (bytes.length === 0) throw new AppError('unprocessable', `${name} is empty.`)

  let raw: string
  let pages: number | undefined
  let metadataTitle: string | undefined
  if (format === 'pdf') {
    const pdf = await extractPdfPages(name, bytes, limits.maxTextChars, onPage)
    raw = pdf.pages.join('\n\n')
    pages = pdf.pages.length
    metadataTitle = pdf.title
  } else if (format === 'docx') {
    const docx = await extractDocxText(name, bytes, limits)
    raw = docx.text
    metadataTitle = docx.title
  } else {
    raw = new TextDecoder('utf-8').decode(bytes)
  }
  if (raw.length > limits.maxTextChars) throw tooMuchText(name, limits.maxTextChars)

  // Front matter is metadata: its title names the document, and it is not part of the text.
  const front = format === 'markdown' || format === 'text' ? parseFrontMatter(normaliseText(raw)) : { body: raw, tags: [] }
  const text = normaliseText(front.body)
  if (!text) throw noText(name, format)
  return {
    title: titleFrom(text, filename, front.title ?? metadataTitle),
    text,
    format,
    ...(pages === undefined ? {} : { pages }),
    ...(front.description ? { description: front.description } : {}),
    ...(front.tags.length > 0 ? { tags: front.tags } : {}),
  }
}
