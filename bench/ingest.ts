/*
 * Ingest benchmark: how fast text becomes chunks and vectors, and how long a
 * 100-page PDF takes from bytes to embedded chunks. Run: npx tsx bench/ingest.ts
 */
import { performance } from 'node:perf_hooks'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { chunkText, extractText } from '../lib/ingest'
import { makePdf, sampleProse } from '../tests/support/fixtures'

const RUNS = 3
const EMBED_BATCH = 64

async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; seconds: number }> {
  const start = performance.now()
  const result = await work()
  return { result, seconds: (performance.now() - start) / 1000 }
}

/** Runs `work` RUNS times and keeps the median time: one slow run (GC, JIT) does not skew it. */
async function median<T>(work: () => Promise<T> | T): Promise<{ result: T; seconds: number }> {
  const runs: { result: T; seconds: number }[] = []
  for (let i = 0; i < RUNS; i += 1) runs.push(await timed(work))
  runs.sort((a, b) => a.seconds - b.seconds)
  return runs[Math.floor(RUNS / 2)] as { result: T; seconds: number }
}

async function embedAll(embedder: LocalEmbedder, texts: string[]): Promise<number> {
  let vectors = 0
  for (let i = 0; i < texts.length; i += EMBED_BATCH) vectors += (await embedder.embed(texts.slice(i, i + EMBED_BATCH))).length
  return vectors
}

/** A Markdown handbook: sections of several paragraphs, like real uploaded knowledge. */
function handbook(sections: number): string {
  const parts: string[] = []
  for (let s = 0; s < sections; s += 1) {
    parts.push(`## Section ${s + 1}`)
    for (let p = 0; p < 6; p += 1) parts.push(sampleProse(40 + ((s + p) % 5) * 30, s * 10 + p + 1))
  }
  return parts.join('\n\n')
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`)
const fixed = (n: number, digits = 2) => n.toFixed(digits)

async function main() {
  const embedder = new LocalEmbedder()
  console.log(`Ingest benchmark (node ${process.version}, median of ${RUNS} runs)\n`)

  const warmUp = await timed(() => chunkText('Loads the cl100k tokenizer table.'))
  row('tokenizer load (once per process)', `${fixed(warmUp.seconds)} s`)

  const text = handbook(120)
  const chunking = await median(() => chunkText(text))
  const chunks = chunking.result
  const contents = chunks.map((chunk) => chunk.content)
  const embedding = await median(() => embedAll(embedder, contents))
  const mb = Buffer.byteLength(text) / (1024 * 1024)

  console.log(`\nThroughput on a ${fixed(mb)} MB Markdown handbook (${chunks.length} chunks of <= 300 tokens)`)
  row('chunkText', `${fixed(chunks.length / chunking.seconds, 0)} chunks/s  (${fixed(mb / chunking.seconds)} MB/s)`)
  row('LocalEmbedder.embed', `${fixed(embedding.result / embedding.seconds, 0)} chunks/s`)
  row('chunk + embed', `${fixed(chunks.length / (chunking.seconds + embedding.seconds), 0)} chunks/s`)

  const pages = Array.from({ length: 100 }, (_, i) => sampleProse(400, i + 1))
  const built = await timed(() => makePdf(pages))
  const pdf = built.result
  const extraction = await median(() => extractText({ filename: 'bench.pdf', bytes: pdf }))
  const pdfChunking = await median(() => chunkText(extraction.result.text))
  const pdfContents = pdfChunking.result.map((chunk) => chunk.content)
  const pdfEmbedding = await median(() => embedAll(embedder, pdfContents))
  const total = extraction.seconds + pdfChunking.seconds + pdfEmbedding.seconds

  console.log(`\nA generated 100-page PDF (400 words a page, ${fixed(pdf.length / 1024, 0)} KB, built in ${fixed(built.seconds)} s)`)
  row('extract text', `${fixed(extraction.seconds)} s  (${extraction.result.pages} pages)`)
  row('chunk', `${fixed(pdfChunking.seconds)} s  (${pdfChunking.result.length} chunks)`)
  row('embed (local)', `${fixed(pdfEmbedding.seconds)} s`)
  row('total: extract + chunk + embed', `${fixed(total)} s`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
