import { knowledgeSearchResponseSchema, knowledgeSearchSchema } from '@/lib/contracts/knowledge'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { searchAsKey } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/** The tenant's knowledge search (a key with `knowledge:read`): `{ query, limit?, matchThreshold? }` -> `{ results }`. */
export const POST = keyRoute({ scope: 'knowledge:read', body: knowledgeSearchSchema }, async ({ caller, body }) =>
  contractJson(knowledgeSearchResponseSchema, { results: await searchAsKey(caller, body) }),
)
