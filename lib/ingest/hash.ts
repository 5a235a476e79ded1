import { createHash } from 'node:crypto'

/**
 * Fingerprint of a document's words, blind to layout: the same text re-uploaded with
 * different line breaks or spacing hashes the same, so the upload can be deduplicated.
 */
export function contentHash(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}
