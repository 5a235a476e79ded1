import { extractText as readPdfWithPassword, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { extractText } from '@/lib/ingest'
import { makeEncryptedPdf, makeShapesOnlyPdf } from '../support/fixtures'

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('PDFs we accept but cannot read', () => {
  it('the encrypted fixture is a real encrypted PDF: it opens with its password', async () => {
    const bytes = makeEncryptedPdf('s3cret', 'Confidential merger plan')
    const pdf = await getDocumentProxy(bytes, { password: 's3cret', verbosity: 0 })
    const { text } = await readPdfWithPassword(pdf, { mergePages: true })
    expect(text).toBe('Confidential merger plan')
  })

  it('answers 422 saying a password-protected PDF is password-protected', async () => {
    const bytes = makeEncryptedPdf('s3cret', 'Confidential merger plan')
    const error = await rejection(extractText({ filename: 'merger.pdf', bytes }))
    expect(error.status).toBe(422)
    expect(error.message).toContain('merger.pdf is password-protected')
  })

  it('answers 422 for a PDF whose pages hold only drawings, as a scan would', async () => {
    const error = await rejection(extractText({ filename: 'scan.pdf', bytes: await makeShapesOnlyPdf(2) }))
    expect(error.status).toBe(422)
    expect(error.message).toBe('scan.pdf contains no text we can read, for example a scanned image. Upload a version with selectable text.')
  })
})
