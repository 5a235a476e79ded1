import { Readable } from 'node:stream'
import { ZipFile } from 'yazl'

/*
 * Archives of the exports, written by yazl (the writing half of the yauzl the uploads
 * already read zips with): entries are added as they are read and the archive streams out.
 */

export type ZipEntry = { name: string; data: Buffer | string }

export function zipStream(entries: Iterable<ZipEntry>): Readable {
  const zip = new ZipFile()
  for (const entry of entries) {
    zip.addBuffer(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data, entry.name)
  }
  zip.end()
  return Readable.from(zip.outputStream)
}

export async function zipBuffer(entries: Iterable<ZipEntry>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of zipStream(entries)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** One JSON document per line, the format every file of an export uses. */
export function ndjson(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : '')
}
