/*
 * The retrieved knowledge goes to the model as data inside one delimited block. Document
 * text is untrusted (anyone who can upload can write anything), so nothing inside it may
 * open or close the block: tag-like delimiters are defanged before they are wrapped.
 */

export interface PromptDocument {
  id: string
  title: string
  content: string
}

export const KNOWLEDGE_OPEN = '<knowledge>'
export const KNOWLEDGE_CLOSE = '</knowledge>'

/** Invisible characters that could hide a delimiter from a naive filter ("</docu\u200bment>"). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g
/** The start of anything that looks like our delimiters, open or close, any case or spacing, also HTML-escaped. */
const DELIMITER_START = /(?:<|&lt;|&#0*60;|&#x0*3c;)\s*(\/?)\s*(knowledge|document)\b/gi

/**
 * Makes text safe to place inside the block: the "<" of a delimiter-like tag becomes "[",
 * so "</document>" reads "[/document>" and closes nothing. The rest of the text is kept.
 */
export function neutraliseDelimiters(text: string): string {
  return text.replace(INVISIBLE, '').replace(DELIMITER_START, (_match, slash: string, name: string) => `[${slash}${name}`)
}

function attribute(value: string): string {
  return neutraliseDelimiters(value)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim()
}

/** The knowledge block; documents are numbered from 1 so answers can cite them as [n]. */
export function renderKnowledgeBlock(documents: readonly PromptDocument[]): string {
  const body = documents.map(
    (document, position) =>
      `<document index="${position + 1}" title="${attribute(document.title)}">\n${neutraliseDelimiters(document.content).trim()}\n</document>`,
  )
  return [KNOWLEDGE_OPEN, ...body, KNOWLEDGE_CLOSE].join('\n')
}
