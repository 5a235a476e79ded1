import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Queryable } from '@/lib/db'
import { config } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { contentHash } from '@/lib/ingest'
import type { Acting } from '@/lib/multi-tenant/access'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { prepareKnowledge, validKnowledgeInput } from './prepare'
import type { KnowledgeInput } from './schema'
import type { KnowledgeListPage, ListQuery } from '@/lib/contracts/knowledge'
import { perFileLimitBytes } from './upload-limits'
import { storageUsage } from './storage-usage'
import { assertCollection } from './documents'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { isUuid } from '@/lib/contracts/ids'
import { configuredOriginals } from './jobs/original-store'

/*
 * What the admin knowledge routes do. Every transaction starts with loadTenantForAdmin
 * (404 for a tenant the caller cannot see, 403 for a member who is not its admin), so
 * nobody gets a file read, a text embedded or a row written before being authorised.
 * A document is embedded between two short transactions: the embedding service may be
 * slow, and an open transaction would hold the embedded database's only session.
 */

export type StoredDocument = { id: string; title: string; chunkCount: number; duplicate: boolean }

export function uploadLimitBytes(): number {
  return perFileLimitBytes(config().UPLOAD_MAX_MB)
}

function knowledgeBase(tx: Queryable, tenantId: string, caller: Acting, embedder: EmbeddingProvider): TenantKnowledgeBase {
  return new TenantKnowledgeBase(tenantId, tx, { embedder, auditIp: caller.ip })
}

/** 404 / 403 before a request body is read. */
export async function authorizeKnowledgeAdmin(caller: Acting, tenantId: string): Promise<void> {
  await caller.run((tx) => loadTenantForAdmin(tx, tenantId))
}

/** The check each of a document's two transactions starts with. */
type Authorize = (tx: Queryable) => Promise<unknown>

async function storeDocument(
  caller: Acting,
  tenantId: string,
  input: KnowledgeInput,
  embedder: EmbeddingProvider,
  authorize: Authorize,
): Promise<StoredDocument> {
  const valid = validKnowledgeInput(input)
  const existing = await caller.run(async (tx) => {
    await authorize(tx)
    if (valid.collection_id) await assertCollection(tx, tenantId, valid.collection_id)
    return knowledgeBase(tx, tenantId, caller, embedder).findDuplicate(contentHash(valid.content), valid.personal)
  })
  if (existing) return { ...existing, duplicate: true }
  const prepared = await prepareKnowledge(valid, embedder)
  const stored = await caller.run(async (tx) => {
    await authorize(tx)
    return knowledgeBase(tx, tenantId, caller, embedder).addKnowledge(prepared)
  })
  return { ...stored, title: valid.title }
}

export function addDocument(
  caller: Acting,
  tenantId: string,
  input: KnowledgeInput,
  embedder: EmbeddingProvider = defaultEmbedder(),
): Promise<StoredDocument> {
  return storeDocument(caller, tenantId, input, embedder, (tx) => loadTenantForAdmin(tx, tenantId))
}

/**
 * A document added with a tenant API key (`knowledge:write`, the public API): there is
 * no admin to load, so the database's policies for the key are the check (its insert
 * names its own tenant or fails); everything else is addDocument's.
 */
export function addDocumentAsKey(
  caller: Acting,
  tenantId: string,
  input: KnowledgeInput,
  embedder: EmbeddingProvider = defaultEmbedder(),
): Promise<StoredDocument> {
  return storeDocument(caller, tenantId, input, embedder, async () => undefined)
}

/**
 * A member's personal document: private to them (RLS), in no collection, counted against
 * the tenant's storage by the same triggers. The database's policies are the check (a
 * member, not a viewer, writing a row they own); the caller's role comes first for a
 * clear 403.
 */
export function addPersonalDocument(
  caller: Acting,
  tenantId: string,
  input: Omit<KnowledgeInput, 'personal' | 'collection_id'>,
  embedder: EmbeddingProvider = defaultEmbedder(),
): Promise<StoredDocument> {
  return storeDocument(caller, tenantId, { ...input, personal: true, collection_id: null }, embedder, async () => undefined)
}

/** The 409 a duplicate answers with; the existing document's id is in the details. */
export function duplicateError(id: string, filename?: string): AppError {
  const subject = filename ? `${filename} has the same text as a document` : 'This text is already a document'
  return new AppError('conflict', `${subject} in the knowledge base.`, {
    details: { id, ...(filename ? { filename } : {}) },
  })
}

export async function listKnowledge(caller: Acting, tenantId: string, query: ListQuery): Promise<KnowledgeListPage> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const page = await new TenantKnowledgeBase(tenantId, tx).list(query)
    return { ...page, storage: await storageUsage(tx, tenantId) }
  })
}

export async function deleteKnowledge(
  caller: Acting,
  tenantId: string,
  knowledgeId: string,
  originals = configuredOriginals(),
): Promise<void> {
  const cleanUp = await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const afterCommit = isUuid(knowledgeId) ? await originals.afterDocumentDeleted?.(tx, tenantId, knowledgeId) : null
    await new TenantKnowledgeBase(tenantId, tx, { auditIp: caller.ip }).remove(knowledgeId)
    return afterCommit
  })
  await cleanUp?.()
}
