import { readZip } from '@/lib/ingest/zip'

/* Opening an export the way its reader would: every entry, each NDJSON file parsed line by line. */

export type Archive = {
  names: string[]
  text: (name: string) => string
  rows: (name: string) => Record<string, unknown>[]
  bytes: (name: string) => Buffer
}

export async function openArchive(response: Response): Promise<Archive> {
  const bytes = new Uint8Array(await response.arrayBuffer())
  const limits = { maxZipEntries: 10_000, maxEntryBytes: 100 * 1024 * 1024, maxInflatedBytes: 500 * 1024 * 1024 }
  const entries = await readZip('export.zip', bytes, limits, () => true)
  const byName = new Map(entries.map((entry) => [entry.name, entry.bytes]))
  const bytesOf = (name: string) => {
    const found = byName.get(name)
    if (!found) throw new Error(`the archive has no ${name}; it has ${[...byName.keys()].join(', ')}`)
    return found
  }
  return {
    names: [...byName.keys()].sort(),
    bytes: bytesOf,
    text: (name) => bytesOf(name).toString('utf8'),
    rows: (name) =>
      bytesOf(name)
        .toString('utf8')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}
