import { deflateSync } from 'node:zlib'
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'
import { makeZip } from './zip'

/*
 * Hostile files, built the way attackers build them: zips whose entries inflate far past
 * their size (declaring it, or lying about it), and a PDF whose content stream inflates
 * into millions of text operations.
 */

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
