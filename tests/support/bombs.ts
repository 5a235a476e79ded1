import { deflateRawSync, deflateSync } from 'node:zlib'
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'

/*
 * Hostile files, built the way attackers build them: zips whose entries inflate far past
 * their size (declaring it, or lying about it), and a PDF whose content stream inflates
 * into millions of text operations.
 */

export type ZipEntrySpec = { name: string; data: Buffer; declaredSize?: number }

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A deflate-compressed zip; `declaredSize` overrides the uncompressed size its headers claim. */
export function makeZip(entries: ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const compressed = deflateRawSync(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

/**
 * A Word document whose document.xml inflates to `inflatedMb` MB from well under 1 MB.
 * `lie`: the zip's headers claim the part is 1 KB, so only counting while inflating catches it.
 */
export function makeDocxBomb(inflatedMb: number, lie = false): Uint8Array {
  const paragraph = Buffer.from('<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>')
  const body = Buffer.alloc(inflatedMb * 1024 * 1024, paragraph)
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', data: body, ...(lie ? { declaredSize: 1024 } : {}) },
  ])
}

/** A PDF with one page whose content stream inflates to `inflatedMb` MB of text-showing operators. */
export async function makePdfBomb(inflatedMb: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([612, 792])
  page.drawText('Quarterly report', { x: 50, y: 740, size: 12, font })
  const fontKey = page.node.normalizedEntries().Font.keys()[0]?.asString() ?? '/F1'
  const operations = Buffer.alloc(inflatedMb * 1024 * 1024, Buffer.from(`BT ${fontKey} 12 Tf 50 700 Td (ab) Tj ET\n`))
  const compressed = deflateSync(operations, { level: 9 })
  const stream = doc.context.stream(compressed, { Filter: 'FlateDecode', Length: compressed.length })
  page.node.addContentStream(doc.context.register(stream))
  page.node.set(PDFName.of('Dummy'), PDFName.of('Bomb'))
  return doc.save()
}
