import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@/lib/errors'
import { formatSize, type ExtractionLimits } from './limits'

/*
 * Reading zip-based files (.docx, a .zip of documents) within ExtractionLimits. yauzl
 * gives each entry's sizes from the central directory before anything is inflated, so
 * a bomb that declares its size is refused at once; with validateEntrySizes it also
 * counts the bytes really inflated and fails an entry that inflates past its declared
 * size, so a bomb that lies about its size is stopped after at most that many bytes.
 */

export type ZipEntry = { name: string; bytes: Buffer }

type ZipLimits = Pick<ExtractionLimits, 'maxZipEntries' | 'maxEntryBytes' | 'maxInflatedBytes'>

function tooBig(filename: string, what: string): AppError {
  return new AppError('unprocessable', `${filename} was refused: ${what}. It may be a zip bomb; upload the documents themselves.`)
}

function openZip(filename: string, bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip)
          reject(
            new AppError('unprocessable', `${filename} could not be read: the file is damaged (it is not a valid zip archive).`, {
              cause: error,
            }),
          )
        else resolve(zip)
      },
    )
  })
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'))
      const parts: Buffer[] = []
      stream.on('data', (part: Buffer) => parts.push(part))
      stream.on('error', (cause: Error) => {
        // Stops the inflater too: a bomb caught here must not go on filling memory.
        stream.destroy()
        reject(cause)
      })
      stream.on('end', () => resolve(Buffer.concat(parts)))
    })
  })
}

/**
 * The entries `wanted` accepts, inflated; every entry's declared size counts towards the
 * caps, wanted or not, so the archive as a whole is judged before any entry is read.
 */
export async function readZip(
  filename: string,
  bytes: Uint8Array,
  limits: ZipLimits,
  wanted: (name: string) => boolean,
): Promise<ZipEntry[]> {
  const zip = await openZip(filename, bytes)
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close()
    throw tooBig(filename, `it holds ${zip.entryCount} entries, more than ${limits.maxZipEntries}`)
  }
  const chosen: Entry[] = []
  let declared = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject)
      zip.on('end', () => resolve())
      zip.on('entry', (entry: Entry) => {
        declared += entry.uncompressedSize
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          return reject(
            tooBig(
              filename,
              `${entry.fileName} inflates to ${formatSize(entry.uncompressedSize)}, more than ${formatSize(limits.maxEntryBytes)}`,
            ),
          )
        }
        if (declared > limits.maxInflatedBytes) {
          return reject(tooBig(filename, `its entries inflate to more than ${formatSize(limits.maxInflatedBytes)}`))
        }
        if (!entry.fileName.endsWith('/') && wanted(entry.fileName)) chosen.push(entry)
        zip.readEntry()
      })
      zip.readEntry()
    })
    const entries: ZipEntry[] = []
    for (const entry of chosen) {
      try {
        entries.push({ name: entry.fileName, bytes: await readEntry(zip, entry) })
      } catch (error) {
        throw isSizeLie(error)
          ? tooBig(filename, `${entry.fileName} inflates to more than the ${formatSize(entry.uncompressedSize)} its directory declares`)
          : new AppError('unprocessable', `${filename} could not be read: ${entry.fileName} is damaged.`, { cause: error })
      }
    }
    return entries
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('unprocessable', `${filename} could not be read: the zip archive is damaged.`, { cause: error })
  } finally {
    zip.close()
  }
}

function isSizeLie(error: unknown): boolean {
  return error instanceof Error && /too many bytes in the stream|uncompressedSize/i.test(error.message)
}
