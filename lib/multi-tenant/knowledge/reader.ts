import { HEADING_PATH_SEPARATOR } from '@/lib/ingest'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/contracts/ids'
import type { Passage, ReadableDocument } from '@/lib/contracts/documents'
import type { SourceType } from '@/lib/contracts/knowledge'
import type { Acting } from '@/lib/multi-tenant/access'

/*
 * A member reading the documents the assistant cites: one passage for the source dialog,
 * a whole document for its page. Both read under the caller's RLS, so what is returned is
 * exactly what the policies on tenant_knowledge and its chunks let them read; anything
 * else (another tenant's id, a malformed id, a deleted document) is the same 404.
 */

type PassageRow = { id: string; knowledge_id: string; title: string; heading: string | null; content: string; chunk_index: number }
type DocumentRow = { id: string; title: string; source_type: SourceType; created_at: Date | string; content: string }

function documentNotFound(): AppError {
  return new AppError('not_found', 'No such document.')
}

function headingPath(heading: string | null): string[] {
  return heading ? heading.split(HEADING_PATH_SEPARATOR).filter((part) => part.trim() !== '') : []
}

function toPassage(row: PassageRow): Passage {
  return {
    id: row.id,
    knowledgeId: row.knowledge_id,
    title: row.title,
    headingPath: headingPath(row.heading),
    content: row.content,
    index: row.chunk_index,
  }
}

export async function readPassage(caller: Acting, tenantId: string, knowledgeId: string, chunkId: string): Promise<Passage> {
  if (!isUuid(knowledgeId) || !isUuid(chunkId)) throw documentNotFound()
  const rows = await caller.run((tx) =>
    tx.query<PassageRow>(
      `select c.id, c.knowledge_id, k.title, c.heading, c.content, c.chunk_index
         from public.tenant_knowledge_chunks c
         join public.tenant_knowledge k on k.tenant_id = c.tenant_id and k.id = c.knowledge_id
        where c.tenant_id = $1 and c.knowledge_id = $2 and c.id = $3`,
      [tenantId, knowledgeId, chunkId],
    ),
  )
  const row = rows[0]
  if (!row) throw documentNotFound()
  return toPassage(row)
}

export async function readDocument(caller: Acting, tenantId: string, knowledgeId: string): Promise<ReadableDocument> {
  if (!isUuid(knowledgeId)) throw documentNotFound()
  const { document, chunks } = await caller.run(async (tx) => ({
    document: (
      await tx.query<DocumentRow>(
        'select id, title, source_type, created_at, content from public.tenant_knowledge where tenant_id = $1 and id = $2',
        [tenantId, knowledgeId],
      )
    )[0],
    chunks: await tx.query<PassageRow>(
      `select id, knowledge_id, '' as title, heading, content, chunk_index from public.tenant_knowledge_chunks
        where tenant_id = $1 and knowledge_id = $2 order by chunk_index`,
      [tenantId, knowledgeId],
    ),
  }))
  if (!document) throw documentNotFound()
  return {
    id: document.id,
    title: document.title,
    sourceType: document.source_type,
    createdAt: new Date(document.created_at).toISOString(),
    content: document.content,
    passages: chunks.map((row) => {
      const { id, headingPath, content, index } = toPassage(row)
      return { id, headingPath, content, index }
    }),
  }
}
