import { Readable } from 'node:stream'
import { archiveHeaders } from '@/lib/contracts/exports'

/** A zip archive streamed to the browser as a download. */
export function archiveResponse(archive: { fileName: string; body: Readable; byteSize?: number }): Response {
  const headers: Record<string, string> = { ...archiveHeaders(archive.fileName) }
  if (archive.byteSize !== undefined) headers['content-length'] = String(archive.byteSize)
  return new Response(Readable.toWeb(archive.body) as ReadableStream<Uint8Array>, { headers })
}
