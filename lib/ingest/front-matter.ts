import { parse } from 'yaml'
import { z } from 'zod'

export type FrontMatter = {
  /** The text after the front matter block (all of it when there is none). */
  body: string
  title?: string
  description?: string
  tags: string[]
}

// YAML front matter as static-site generators write it: the very first line is `---`,
// the block ends at the next `---` (or `...`) line.
const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(300))

const tagList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string()])
  .transform((value) => (Array.isArray(value) ? value.map(String) : value.split(',')))
  .transform((tags) => tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0 && tag.length <= 50))

const fields = z.object({
  title: text.optional().catch(undefined),
  description: text.optional().catch(undefined),
  tags: tagList.optional().catch(undefined),
  keywords: tagList.optional().catch(undefined),
})

/**
 * Splits Markdown front matter from the text and reads the fields a document's metadata
 * uses (title, description, tags or keywords). The block is never indexed or quoted:
 * "title: ..." is not content. Front matter that is not valid YAML, or not a mapping, is
 * still removed and yields no fields.
 */
export function parseFrontMatter(source: string): FrontMatter {
  const match = BLOCK.exec(source)
  if (!match) return { body: source, tags: [] }
  const body = source.slice(match[0].length)
  let data: unknown
  try {
    data = parse(match[1] ?? '')
  } catch {
    return { body, tags: [] }
  }
  const parsed = fields.safeParse(data ?? {})
  if (!parsed.success) return { body, tags: [] }
  const { title, description, tags, keywords } = parsed.data
  return {
    body,
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    tags: [...new Set([...(tags ?? []), ...(keywords ?? [])].map((tag) => tag.toLowerCase()))].slice(0, 50),
  }
}
