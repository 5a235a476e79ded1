import { createHash } from 'node:crypto'
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'

/*
 * Real documents built in memory, so ingestion is tested on what PDF and Word
 * actually produce rather than on hand-written stand-ins.
 */

const PAGE = { width: 612, height: 792, margin: 50 }

/** A PDF with one page per string, text wrapped to the page width (WinAnsi characters only). */
export async function makePdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const text of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height])
    page.drawText(text, {
      x: PAGE.margin,
      y: PAGE.height - PAGE.margin,
      size: 10,
      lineHeight: 13,
      font,
      maxWidth: PAGE.width - 2 * PAGE.margin,
    })
  }
  return doc.save()
}

/** A PDF whose pages carry only a drawn rectangle: what a scan looks like to a text extractor. */
export async function makeShapesOnlyPdf(pageCount = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pageCount; i += 1) {
    doc.addPage([PAGE.width, PAGE.height]).drawRectangle({ x: 100, y: 100, width: 300, height: 200, color: rgb(0.2, 0.3, 0.8) })
  }
  return doc.save()
}

export async function makeDocx(paragraphs: { heading?: boolean; text: string }[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(({ heading, text }) =>
          heading ? new Paragraph({ text, heading: HeadingLevel.HEADING_1 }) : new Paragraph({ text }),
        ),
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

// --- A genuinely encrypted PDF -------------------------------------------------------
// pdf-lib cannot encrypt, so this writes one by hand with the PDF standard security
// handler, revision 2 (40-bit RC4): the user password is required to open it.

const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex')

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  let j = 0
  for (let i = 0; i < 256; i += 1) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255
    ;[s[i], s[j]] = [s[j] as number, s[i] as number]
  }
  const out = Buffer.alloc(data.length)
  let i = 0
  j = 0
  for (let n = 0; n < data.length; n += 1) {
    i = (i + 1) & 255
    j = (j + (s[i] as number)) & 255
    ;[s[i], s[j]] = [s[j] as number, s[i] as number]
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number)
  }
  return out
}

const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest()
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32)

/** A one-page PDF whose text is RC4-encrypted and which opens only with `userPassword`. */
export function makeEncryptedPdf(userPassword: string, text: string): Uint8Array {
  const permissions = Buffer.alloc(4)
  permissions.writeInt32LE(-4)
  const fileId = md5(Buffer.from(`fixture:${text}`))
  const owner = rc4(md5(padded(`owner-${userPassword}`)).subarray(0, 5), padded(userPassword)) // algorithm 3
  const fileKey = md5(padded(userPassword), owner, permissions, fileId).subarray(0, 5) // algorithm 2
  const user = rc4(fileKey, PASSWORD_PADDING) // algorithm 4
  const contentObject = 5
  const objectKey = md5(fileKey, Buffer.from([contentObject, 0, 0, 0, 0])).subarray(0, 10) // algorithm 1
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`)
  const stream = rc4(objectKey, Buffer.from(`BT /F1 12 Tf 72 700 Td (${escaped}) Tj ET`, 'latin1'))

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let length = parts[0]?.length ?? 0
  objects.forEach((body, i) => {
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    offsets.push(length)
    parts.push(object)
    length += object.length
  })
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${fileId.toString('hex')}> <${fileId.toString('hex')}>] >>`,
    `startxref\n${length}\n%%EOF\n`,
  ].join('\n')
  parts.push(Buffer.from(xref))
  return new Uint8Array(Buffer.concat(parts))
}

// --- Sample prose --------------------------------------------------------------------

const VOCABULARY = (
  'the tenant knowledge base answers questions about contracts invoices wellness sessions ' +
  'product releases and support policies with care while every source stays private to its owner ' +
  'and the assistant cites each passage it used so readers can check the original document'
).split(' ')

/** Deterministic English-like sentences totalling about `wordCount` words. */
export function sampleProse(wordCount: number, seed = 1): string {
  let state = seed >>> 0 || 1
  const nextWord = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return VOCABULARY[state % VOCABULARY.length] as string
  }
  const sentences: string[] = []
  for (let written = 0; written < wordCount;) {
    const length = Math.min(8 + (written % 11), wordCount - written)
    const words = Array.from({ length }, nextWord)
    const first = words[0] ?? ''
    words[0] = first.charAt(0).toUpperCase() + first.slice(1)
    sentences.push(`${words.join(' ')}.`)
    written += length
  }
  return sentences.join(' ')
}
