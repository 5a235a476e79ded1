import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Language } from './bm25'
import { CORPORA_DIR } from './questions'

/** The corpora under corpora/<name>/ (see each SOURCE.md), one tenant each. */
export type Corpus = { name: string; tenantName: string; language: Language }

export const CORPORA: readonly Corpus[] = [
  { name: 'tts-handbook', tenantName: 'TTS Handbook', language: 'en' },
  { name: 'guides-etalab', tenantName: 'Guides Etalab', language: 'fr' },
]

export type CorpusFile = { path: string; bytes: Uint8Array }

const NOT_CONTENT = new Set(['LICENSE.md', 'SOURCE.md'])

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await walk(path.join(dir, entry.name), relative)))
    else if (/\.(md|txt)$/.test(entry.name) && !(prefix === '' && NOT_CONTENT.has(entry.name))) files.push(relative)
  }
  return files
}

/** The corpus's documents (paths relative to its folder), without its licence and source notes. */
export async function corpusFiles(corpus: Corpus): Promise<CorpusFile[]> {
  const root = path.join(CORPORA_DIR, corpus.name)
  const paths = await walk(root)
  return Promise.all(paths.map(async (file) => ({ path: file, bytes: new Uint8Array(await readFile(path.join(root, file))) })))
}
