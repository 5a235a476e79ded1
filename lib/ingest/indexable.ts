import { parseFrontMatter } from './front-matter'
import { stripMarkup } from './markup'

/**
 * What of a document is chunked, indexed and quoted: its text without front matter
 * (documents added as JSON may carry it too) and without markup that holds no content.
 */
export function indexableText(content: string): string {
  return stripMarkup(parseFrontMatter(content.replace(/\r\n?/g, '\n')).body)
}
