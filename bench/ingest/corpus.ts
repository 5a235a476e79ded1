import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** The first `count` Markdown files under `dir` (sorted by path), as uploads. */
export function markdownFiles(dir: string, count: number): { name: string; bytes: Uint8Array }[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const full = path.join(folder, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (entry.endsWith('.md')) found.push(full)
    }
  }
  walk(dir)
  if (found.length < count) throw new Error(`${dir} holds ${found.length} Markdown files; the benchmark needs ${count}.`)
  return found.slice(0, count).map((file) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }))
}

/** Running prose from Markdown: no code, links or markup, for the pages of a generated PDF (WinAnsi only). */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_|~-]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `pages` strings of about `words` words each, taken in order from the texts. */
export function pagesFrom(texts: string[], pages: number, words: number): string[] {
  const all = texts.flatMap((text) => text.split(' ')).filter(Boolean)
  return Array.from({ length: pages }, (_, page) => {
    const start = (page * words) % Math.max(1, all.length - words)
    return all.slice(start, start + words).join(' ')
  })
}
