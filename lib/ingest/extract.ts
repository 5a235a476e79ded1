import { AppError } from '@/lib/errors'
import { extractDocxText } from './docx'
import {
  assertContentMatches,
  assertWithinSizeLimit,
  baseName,
  formatFromExtension,
  type DocumentFormat,
} from './file-types'
import { firstHeading, normaliseText } from './normalise'
import { extractPdfPages } from './pdf'

export interface ExtractInput {
  filename: string
  bytes: Uint8Array
  /** Defaults to DEFAULT_MAX_UPLOAD_BYTES (20 MB). */
  maxBytes?: number
}

export interface ExtractedDocument {
  title: string
  text: string
  format: DocumentFormat
  pages?: number
}

function titleFrom(text: string, filename: string): string {
  const name = baseName(filename)
  const dot = name.lastIndexOf('.')
  return firstHeading(text) ?? (dot > 0 ? name.slice(0, dot) : name)
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
export async function extractText({ filename, bytes, maxBytes }: ExtractInput): Promise<ExtractedDocument> {
  const name = baseName(filename)
  const format = formatFromExtension(filename)
  assertWithinSizeLimit(filename, bytes.length, maxBytes)
  assertContentMatches(filename, format, bytes)
  if (bytes.length === 0) throw new AppError('unprocessable', `${name} is empty.`)

  let raw: string
  let pages: number | undefined
  if (format === 'pdf') {
    const pageTexts = await extractPdfPages(name, bytes)
    raw = pageTexts.join('\n\n')
    pages = pageTexts.length
  } else if (format === 'docx') {
    raw = await extractDocxText(name, bytes)
  } else {
    raw = new TextDecoder('utf-8').decode(bytes)
  }

  const text = normaliseText(raw)
  if (!text) throw noText(name, format)
  return { title: titleFrom(text, filename), text, format, ...(pages === undefined ? {} : { pages }) }
}
