/*
 * The upload limits in one place, free of imports, so next.config.ts can size the
 * framework's own body limit from the same numbers the routes enforce.
 */

/** Files (counting those inside a .zip) one upload request may carry. */
export const MAX_FILES_PER_REQUEST = 500
/** A request may carry this many full-size files; more go in further requests. */
const FULL_SIZE_FILES_PER_REQUEST = 5
// Boundaries, part headers and form fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export function perFileLimitBytes(uploadMaxMb: number): number {
  return Math.floor(uploadMaxMb * 1024 * 1024)
}

export function maxRequestBytes(perFileBytes: number): number {
  return perFileBytes * FULL_SIZE_FILES_PER_REQUEST + MULTIPART_OVERHEAD_BYTES
}
