import { getDocumentProxy } from 'unpdf'
import { AppError } from '@/lib/errors'

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}

async function openPdf(filename: string, bytes: Uint8Array) {
  try {
    // pdf.js may take ownership of the buffer it is given, so it gets a copy; and a
    // damaged upload must not flood the log with pdf.js warnings.
    return await getDocumentProxy(bytes.slice(), { verbosity: 0 })
  } catch (error) {
    if (errorName(error) === 'PasswordException') {
      throw new AppError('unprocessable', `${filename} is password-protected. Remove the password and upload it again.`, {
        cause: error,
      })
    }
    throw damaged(filename, error)
  }
}

function damaged(filename: string, cause: unknown): AppError {
  return new AppError('unprocessable', `${filename} could not be read: the PDF is damaged.`, { cause })
}

/**
 * pdf.js ends every laid-out line with a newline, so a sentence wrapped over three
 * lines would look like three to the sentence splitter. Lines are joined back into
 * running text (a hyphen at a line end is kept, without a space); what is lost is
 * line structure that PDFs do not reliably carry anyway.
 */
function unwrapLines(pageText: string): string {
  return pageText.replace(/-\n(?=\S)/g, '-').replace(/[ \t]*\n[ \t]*/g, ' ')
}

export type PdfText = { pages: string[]; title?: string }

// Producers often put the file name or a placeholder where the title belongs.
const PLACEHOLDER_TITLE = /^(untitled|document\d*|microsoft word - .*|.*\.(pdf|docx?|txt))$/i

async function metadataTitle(pdf: Awaited<ReturnType<typeof openPdf>>): Promise<string | undefined> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: undefined }))
  const raw = (info as { Title?: unknown } | undefined)?.Title
  const title = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : ''
  return title && !PLACEHOLDER_TITLE.test(title) ? title.slice(0, 300) : undefined
}

type TextItem = { str?: string; hasEOL?: boolean }

function pageText(items: readonly TextItem[]): string {
  return items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('')
}

/**
 * Told as each page starts, and once more with `pages + 1` when the last page is read: the
 * worker passes it on, so a page that never ends can be stopped from outside while the
 * work after the pages (chunking a long document) is not mistaken for a stalled page.
 */
export type PageListener = (page: number, pages: number) => void

/**
 * The running text of each page, in page order, and the metadata title. Pages are read
 * one at a time and the count of characters checked after each, so a PDF whose streams
 * inflate into far more text than any document has is stopped early.
 */
export async function extractPdfPages(
  filename: string,
  bytes: Uint8Array,
  maxTextChars: number,
  onPage: PageListener = () => {},
): Promise<PdfText> {
  const pdf = await openPdf(filename, bytes)
  try {
    const pages: string[] = []
    let chars = 0
    for (let number = 1; number <= pdf.numPages; number += 1) {
      onPage(number, pdf.numPages)
      const page = await pdf.getPage(number)
      const text = unwrapLines(pageText((await page.getTextContent()).items as TextItem[]))
      page.cleanup()
      chars += text.length
      if (chars > maxTextChars) {
        throw new AppError(
          'unprocessable',
          `${filename} was refused: it holds more than ${maxTextChars.toLocaleString('en')} characters of text. Split it into smaller documents.`,
        )
      }
      pages.push(text)
    }
    onPage(pdf.numPages + 1, pdf.numPages)
    const title = await metadataTitle(pdf)
    return { pages, ...(title ? { title } : {}) }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw damaged(filename, error)
  } finally {
    await pdf.loadingTask.destroy()
  }
}
