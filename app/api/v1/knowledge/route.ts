import { knowledgeCreatedResponseSchema, knowledgeCreateSchema } from '@/lib/contracts/knowledge'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { addKnowledgeAsKey } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/** Adds a document (a key with `knowledge:write`): `{ title, content, category?, tags?, elementalTags?, sourceType? }` -> 201 `{ id, title, chunkCount }`. */
export const POST = keyRoute({ scope: 'knowledge:write', body: knowledgeCreateSchema }, async ({ caller, body }) =>
  contractJson(knowledgeCreatedResponseSchema, await addKnowledgeAsKey(caller, body), 201),
)
