import type { Queryable } from '@/lib/db'
import { HEADING_PATH_SEPARATOR } from '@/lib/ingest'
import { MAX_SUGGESTED } from '@/lib/engine/voice'

/** A document as the empty chat's suggestions see it: its title and the first heading inside it. */
export type DocumentOutline = { title: string; heading: string | null }

/** "Check-in times" reads as "check-in times" mid-sentence; "GDPR" and "Aurora Cove" keep their capitals. */
function midSentence(topic: string): string {
  const [first = '', second = ''] = topic
  const properNoun = /\s\p{Lu}/u.test(topic)
  return second && second === second.toLowerCase() && !properNoun ? first.toLowerCase() + topic.slice(1) : topic
}

/**
 * Opening questions from the tenant's own documents, newest first: one per document, about
 * its first section when it has headings, about the document itself otherwise. Each asks
 * about something the knowledge holds, so the answer is grounded.
 */
export function questionsFrom(outlines: readonly DocumentOutline[], max = MAX_SUGGESTED): string[] {
  const questions: string[] = []
  for (const { title, heading } of outlines) {
    const topic = heading?.split(HEADING_PATH_SEPARATOR).at(-1)?.trim()
    const question = topic ? `What should I know about ${midSentence(topic)}?` : `What does “${title.trim()}” cover?`
    if (!questions.includes(question)) questions.push(question)
    if (questions.length === max) break
  }
  return questions
}

/** The newest documents' outlines the caller may read (RLS decides), for the default suggestions. */
export async function readOutlines(tx: Queryable, tenantId: string, max = MAX_SUGGESTED): Promise<DocumentOutline[]> {
  return tx.query<DocumentOutline>(
    `select k.title,
            (select c.heading from public.tenant_knowledge_chunks c
              where c.tenant_id = k.tenant_id and c.knowledge_id = k.id and c.heading is not null
              order by c.chunk_index limit 1) as heading
       from public.tenant_knowledge k
      where k.tenant_id = $1
      order by k.created_at desc, k.id
      limit $2`,
    [tenantId, max * 2],
  )
}

/** The tenant's own suggestions when it set some; otherwise ones drawn from its documents. */
export async function suggestedQuestions(tx: Queryable, tenantId: string, stored: readonly string[]): Promise<string[]> {
  if (stored.length > 0) return [...stored]
  return questionsFrom(await readOutlines(tx, tenantId))
}
