import type { Queryable } from '@/lib/db'
import type { RetrievedPassage } from './knowledge'

/**
 * The passages that answer "what can you help me with?": the opening chunk of each of the
 * tenant's largest documents, read under the caller's RLS. A search cannot answer such a
 * question, which names no topic; the tenant's own documents can. Score 1: each passage is
 * exactly what was asked for, an example of what the knowledge covers.
 */
export async function overviewPassages(tx: Queryable, tenantId: string, limit: number): Promise<RetrievedPassage[]> {
  const rows = await tx.query<{ id: string; knowledge_id: string; title: string; heading: string | null; content: string }>(
    `select c.id, c.knowledge_id, k.title, c.heading, c.content
       from (select k.id, k.title, k.chunk_count from public.tenant_knowledge k
              where k.tenant_id = $1 order by k.chunk_count desc, k.created_at limit $2) k
       join lateral (select c.id, c.knowledge_id, c.heading, c.content from public.tenant_knowledge_chunks c
                      where c.tenant_id = $1 and c.knowledge_id = k.id order by c.chunk_index limit 1) c on true
      order by k.chunk_count desc, k.title`,
    [tenantId, limit],
  )
  return rows.map((row) => ({
    id: row.id,
    knowledgeId: row.knowledge_id,
    title: row.title,
    heading: row.heading,
    content: row.content,
    snippet: row.content.replace(/\s+/g, ' ').slice(0, 240),
    score: 1,
  }))
}
