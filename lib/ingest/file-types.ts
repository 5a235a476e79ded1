import { AppError } from '@/lib/errors'

export type DocumentFormat = 'text' | 'markdown' | 'pdf' | 'docx'

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const formats: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
}

const SUPPORTED_LIST = 'Upload .txt, .md, .pdf or .docx.'

/** The file name without any directory part a browser may have sent along. */
export function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop() ?? filename
}

/** Lower-cased extension with its dot, or '' when the name has none. */
export function extensionOf(filename: string): string {
  const name = baseName(filename)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot).toLowerCase() : ''
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte)
}

const PDF_SIGNATURE = [...'%PDF-'].map((c) => c.charCodeAt(0))
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

const contentMatches: Record<DocumentFormat, (bytes: Uint8Array) => boolean> = {
  pdf: (bytes) => startsWith(bytes, PDF_SIGNATURE),
  // A DOCX is a zip; whether it really holds a Word document is for the extractor to find out.
  docx: (bytes) => startsWith(bytes, ZIP_SIGNATURE),
  text: isPlainText,
  markdown: isPlainText,
}

const contentDescription: Record<DocumentFormat, string> = {
  pdf: 'a PDF',
  docx: 'a Word (.docx) document',
  text: 'UTF-8 text',
  markdown: 'UTF-8 text',
}

/** The format a file name's extension names, if it is one we accept. */
export function formatByExtension(filename: string): DocumentFormat | undefined {
  return formats[extensionOf(filename)]
}

export function formatFromExtension(filename: string): DocumentFormat {
  const extension = extensionOf(filename)
  const format = formats[extension]
  if (format) return format
  const kind = extension ? `of type ${extension}` : 'without an extension'
  throw new AppError('unsupported_media_type', `Files ${kind} are not supported. ${SUPPORTED_LIST}`)
}

/**
 * Checks that the bytes are what the extension claims. A mismatch (a renamed image,
 * binary data called .txt) is answered with 415 rather than 422: the file is not of a
 * type we accept, whatever its name says. 422 is kept for files of an accepted type
 * that turn out to be unreadable.
 */
export function assertContentMatches(filename: string, format: DocumentFormat, bytes: Uint8Array): void {
  if (bytes.length === 0 || contentMatches[format](bytes)) return
  throw new AppError(
    'unsupported_media_type',
    `${baseName(filename)} is named ${extensionOf(filename)} but its content is not ${contentDescription[format]}. ${SUPPORTED_LIST}`,
  )
}

function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ]
  for (const [unit, label] of units) {
    if (bytes >= unit) return `${Number((bytes / unit).toFixed(1))} ${label}`
  }
  return `${bytes} bytes`
}

export function assertWithinSizeLimit(filename: string, size: number, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): void {
  if (size <= maxBytes) return
  let sizeText = formatSize(size)
  let limitText = formatSize(maxBytes)
  // "20 MB is over 20 MB" would read as nonsense; exact counts never do.
  if (sizeText === limitText) [sizeText, limitText] = [`${size} bytes`, `${maxBytes} bytes`]
  throw new AppError('payload_too_large', `${baseName(filename)} is ${sizeText}; files may be at most ${limitText}.`, {
    details: { filename: baseName(filename), size, maxBytes },
  })
}
