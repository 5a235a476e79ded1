import { extractText, getDocumentProxy } from 'unpdf'
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

/** The running text of each page, in page order. */
export async function extractPdfPages(filename: string, bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(filename, bytes)
  try {
    const { text } = await extractText(pdf, { mergePages: false })
    return text.map(unwrapLines)
  } catch (error) {
    throw damaged(filename, error)
  } finally {
    await pdf.loadingTask.destroy()
  }
}
