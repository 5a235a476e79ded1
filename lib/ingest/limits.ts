/*
 * What one uploaded file may cost to read. Each cap is checked before the work it
 * bounds (a zip's central directory declares every entry's size) and again while the
 * work happens (declared sizes can lie), so a small file that expands into gigabytes
 * is refused after reading a little, not after filling memory.
 */

export type ExtractionLimits = {
  /** Characters of text one file may yield; the same bound as a JSON document's content. */
  maxTextChars: number
  /**
   * Milliseconds one PDF page may take to read; a dense page takes tens. pdf.js reads a
   * page without yielding, so the pool enforces this from outside: the worker reports
   * each page it starts, and one that goes quiet longer than this is stopped.
   */
  maxPageMs: number
  /** Entries in a zip-based file (.docx, or a .zip of documents). */
  maxZipEntries: number
  /** Inflated bytes of any one zip entry. */
  maxEntryBytes: number
  /** Inflated bytes of all the entries of one zip together. */
  maxInflatedBytes: number
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxTextChars: 2_000_000,
  maxPageMs: 3_000,
  maxZipEntries: 5_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} bytes`
}
