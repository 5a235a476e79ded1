/*
 * Splits a drop of files into upload requests the server accepts: at most 500 files and
 * about five full-size files' worth of bytes each (see upload-limits.ts), so a folder
 * of 2,000 notes goes up as four requests rather than being refused.
 */

const MAX_FILES = 500
const FULL_SIZE_FILES = 5

export function uploadBatches(files: File[], maxMb: number): File[][] {
  const maxBytes = maxMb * 1024 * 1024 * FULL_SIZE_FILES
  const batches: File[][] = []
  let current: File[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_FILES || bytes + file.size > maxBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return batches
}
