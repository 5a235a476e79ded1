import { asServer, type Queryable } from '@/lib/db'
import type { PreparedChunk, PreparedKnowledge } from './prepare'
import { rethrowStorageFull } from './storage-usage'

/*
 * The statements that write knowledge. All run in the caller's transaction; the storage
 * triggers on tenant_knowledge count the document's bytes (and refuse it when full).
 * Chunks are pieces of the document just written, so they go in as the server: the API
 * roles cannot insert chunks (migration 20261206040100), which a token could otherwise
 * add to a document without limit and uncounted.
 */

// Rows per INSERT: a chunk's vector is ~15 KB of text, so a statement stays under 1 MB.
const CHUNK_INSERT_BATCH = 50

/** The new document's id and counted size, or null when the tenant already has this text. */
export async function insertDocument(
  tx: Queryable,
  tenantId: string,
  prepared: PreparedKnowledge,
): Promise<{ id: string; byteSize: number } | null> {
  const { input } = prepared
  // A personal document is its owner's; the same text is once per owner (the partial unique indexes).
  const conflict = input.personal
    ? 'on conflict (tenant_id, owner_id, content_hash) where owner_id is not null do nothing'
    : 'on conflict (tenant_id, content_hash) where owner_id is null do nothing'
  // The columns named are only those this document sets: an API key may insert the others alone.
  const placement = [
    ...(input.collection_id ? [['collection_id', '$12']] : []),
    ...(input.personal ? [['owner_id', '(select auth.uid())']] : []),
  ]
  const rows = await tx
    .query<{ id: string; byte_size: number }>(
      `insert into public.tenant_knowledge (tenant_id, title, category, tags, elemental_tags, source_type,
         filename, content, content_hash, token_count, chunk_count, created_by${placement.map(([column]) => `, ${column}`).join('')})
       values ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9, $10, $11, (select auth.uid())${placement
         .map(([, value]) => `, ${value}`)
         .join('')})
       ${conflict}
       returning id, byte_size::float8 as byte_size`,
      [
        tenantId,
        input.title,
        input.category,
        input.tags,
        input.elemental_tags,
        input.sourceType,
        input.filename,
        input.content,
        prepared.contentHash,
        prepared.tokenCount,
        prepared.chunks.length,
        ...(input.collection_id ? [input.collection_id] : []),
      ],
    )
    .catch(rethrowStorageFull)
  const row = rows[0]
  return row ? { id: row.id, byteSize: Number(row.byte_size) } : null
}

async function insertChunkBatch(tx: Queryable, tenantId: string, knowledgeId: string, model: string, chunks: PreparedChunk[]) {
  await tx.query(
    `insert into public.tenant_knowledge_chunks
       (tenant_id, knowledge_id, chunk_index, heading, content, token_count, embedding, embedding_model)
     select $1, $2, c.chunk_index, c.heading, c.content, c.token_count, c.embedding::extensions.vector, $3
       from unnest($4::int[], $5::text[], $6::text[], $7::int[], $8::text[])
         as c(chunk_index, heading, content, token_count, embedding)`,
    [
      tenantId,
      knowledgeId,
      model,
      chunks.map((chunk) => chunk.index),
      chunks.map((chunk) => chunk.heading),
      chunks.map((chunk) => chunk.content),
      chunks.map((chunk) => chunk.tokenCount),
      chunks.map((chunk) => chunk.embedding),
    ],
  )
}

export async function insertChunks(
  tx: Queryable,
  tenantId: string,
  knowledgeId: string,
  prepared: Pick<PreparedKnowledge, 'model' | 'chunks'>,
) {
  // The caller wrote the document (tenant and id) under its own role just before.
  await asServer(tx, async (server) => {
    for (let start = 0; start < prepared.chunks.length; start += CHUNK_INSERT_BATCH) {
      const batch = prepared.chunks.slice(start, start + CHUNK_INSERT_BATCH)
      await insertChunkBatch(server, tenantId, knowledgeId, prepared.model, batch)
    }
  })
}

export type DeletedDocument = {
  id: string
  title: string
  filename: string | null
  contentHash: string
  byteSize: number
  chunkCount: number
}

export async function deleteDocument(tx: Queryable, tenantId: string, id: string): Promise<DeletedDocument | null> {
  const rows = await tx.query<{
    id: string
    title: string
    filename: string | null
    content_hash: string
    byte_size: number
    chunk_count: number
  }>(
    `delete from public.tenant_knowledge where tenant_id = $1 and id = $2
     returning id, title, filename, content_hash, byte_size::float8 as byte_size, chunk_count`,
    [tenantId, id],
  )
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    title: row.title,
    filename: row.filename,
    contentHash: row.content_hash,
    byteSize: Number(row.byte_size),
    chunkCount: row.chunk_count,
  }
}

export type StaleChunk = { id: string; heading: string | null; content: string }

/** Up to `limit` chunks of the tenant embedded by another model than `model`. */
export function staleChunks(tx: Queryable, tenantId: string, model: string, limit: number): Promise<StaleChunk[]> {
  return tx.query<StaleChunk>(
    `select id, heading, content from public.tenant_knowledge_chunks
      where tenant_id = $1 and embedding_model <> $2 order by id limit $3`,
    [tenantId, model, limit],
  )
}

/** Sets new vectors; returns how many rows RLS let it change. */
export async function updateEmbeddings(
  tx: Queryable,
  tenantId: string,
  model: string,
  ids: string[],
  embeddings: (string | null)[],
): Promise<number> {
  const rows = await tx.query(
    `update public.tenant_knowledge_chunks c
        set embedding = u.embedding::extensions.vector, embedding_model = $2
       from unnest($3::uuid[], $4::text[]) as u(id, embedding)
      where c.tenant_id = $1 and c.id = u.id
      returning c.id`,
    [tenantId, model, ids, embeddings],
  )
  return rows.length
}

/** A document's text as the tenant's storage counts it, before and after a replacement. */
export type TextFacts = { contentHash: string; byteSize: number; tokenCount: number; chunkCount: number }

export type ReplacementText = { content: string; contentHash: string; tokenCount: number } & Pick<PreparedKnowledge, 'model' | 'chunks'>

/**
 * Gives a document new text and chunks in the caller's transaction: the row is locked,
 * its chunks deleted and the new ones inserted, so readers see the old text and chunks
 * until the transaction commits. The storage triggers count the change of size. Null
 * when the document is gone.
 */
export async function replaceDocumentText(
  tx: Queryable,
  tenantId: string,
  knowledgeId: string,
  text: ReplacementText,
): Promise<{ before: TextFacts; after: TextFacts } | null> {
  const facts = `content_hash, byte_size::float8 as byte_size, token_count, chunk_count`
  type FactsRow = { content_hash: string; byte_size: number; token_count: number; chunk_count: number }
  const toFacts = (row: FactsRow): TextFacts => ({
    contentHash: row.content_hash,
    byteSize: Number(row.byte_size),
    tokenCount: row.token_count,
    chunkCount: row.chunk_count,
  })
  const [old] = await tx.query<FactsRow>(`select ${facts} from public.tenant_knowledge where tenant_id = $1 and id = $2 for update`, [
    tenantId,
    knowledgeId,
  ])
  if (!old) return null
  const [updated] = await tx
    .query<FactsRow>(
      `update public.tenant_knowledge set content = $3, content_hash = $4, token_count = $5, chunk_count = $6
        where tenant_id = $1 and id = $2 returning ${facts}`,
      [tenantId, knowledgeId, text.content, text.contentHash, text.tokenCount, text.chunks.length],
    )
    .catch(rethrowStorageFull)
  await tx.query('delete from public.tenant_knowledge_chunks where tenant_id = $1 and knowledge_id = $2', [tenantId, knowledgeId])
  await insertChunks(tx, tenantId, knowledgeId, text)
  return { before: toFacts(old), after: toFacts(updated as FactsRow) }
}
