import type { z } from 'zod'
import type { knowledgeCreateSchema } from '@/lib/contracts/knowledge'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'
import { addDocumentAsKey, duplicateError } from '@/lib/multi-tenant/knowledge'

/** A document from a key with `knowledge:write`, stored as the key (RLS); the same text again is 409. */
export async function addKnowledgeAsKey(
  caller: KeyCaller,
  input: z.output<typeof knowledgeCreateSchema>,
): Promise<{ id: string; title: string; chunkCount: number }> {
  const stored = await addDocumentAsKey({ run: caller.run, ip: null, session: null }, caller.tenantId, input)
  if (stored.duplicate) throw duplicateError(stored.id)
  return { id: stored.id, title: stored.title, chunkCount: stored.chunkCount }
}
