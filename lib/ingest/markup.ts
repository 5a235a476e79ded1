/*
 * What a document's markup says to a renderer but not to a reader: template
 * placeholders of documentation sites, container fences, images, and lines that are
 * nothing but links. Removed before chunking, so they are neither indexed nor quoted.
 */

// Liquid / Jinja / Nunjucks tags and expressions: `{% data variables.x %}`, `{{ site.url }}`.
const TEMPLATE_TAG = /\{%-?[\s\S]*?-?%\}/g
const TEMPLATE_EXPRESSION = /\{\{[\s\S]*?\}\}/g
// A tag whose one argument is readable text, such as {% slack_channel "parents" %}.
const TAG_WITH_TEXT = /\{%-?\s*[\w-]+\s+"([^"{}%]{1,80})"\s*-?%\}/g
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g
// [text](target): the text stays, the target (a URL, a path, a placeholder) goes.
const LINK = /\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g
// GitHub Docs fills [AUTOTITLE](/path) with the linked page's title at build time.
const AUTOTITLE = /\[AUTOTITLE\]\(([^)\s]*)\)/g
const CONTAINER_FENCE = /^ {0,3}:::+[ \t]*(?:[\w-]+[ \t]*)?(.*)$/
const HTML_TAG = /<\/?(?:br|span|div|p|a|img|sup|sub|em|strong|b|i|u|small|center|font)\b[^>]*>/gi
const CODE_FENCE = /^ {0,3}(```|~~~)/
// A line made only of list markers, links and punctuation once links are gone.
const LINK_ONLY = /^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[^\]\n]*\]\([^)\n]*\)[\s,;|·•–-]*)+$/

function pageTitleFrom(path: string): string {
  const slug = path.split(/[#?]/)[0]?.split('/').filter(Boolean).pop() ?? ''
  return slug
    .replace(/\.\w+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
}

function cleanLine(line: string): string {
  return line
    .replace(AUTOTITLE, (_match, path: string) => pageTitleFrom(path))
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(TAG_WITH_TEXT, '$1')
    .replace(TEMPLATE_TAG, '')
    .replace(TEMPLATE_EXPRESSION, '')
    .replace(HTML_TAG, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trimEnd()
}

/**
 * The text without markup that carries no content; code blocks are kept as they are.
 * A container fence (`::: tip Example`) keeps its title as a line of its own.
 */
export function stripMarkup(text: string): string {
  const out: string[] = []
  let inFence = false
  for (const line of text.split('\n')) {
    if (CODE_FENCE.test(line)) {
      inFence = !inFence
      out.push(line)
      continue
    }
    if (inFence) {
      out.push(line)
      continue
    }
    if (LINK_ONLY.test(line)) continue
    const container = CONTAINER_FENCE.exec(line)
    if (container) {
      const label = cleanLine(container[1] ?? '').trim()
      if (label) out.push(label)
      continue
    }
    const cleaned = cleanLine(line)
    // A line that was only placeholders says nothing; an empty line stays a paragraph break.
    if (cleaned.trim() || !line.trim()) out.push(cleaned)
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
