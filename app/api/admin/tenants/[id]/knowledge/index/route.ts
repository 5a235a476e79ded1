import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { indexStateResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { knowledgeIndexState } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** `{ model, chunks, pendingChunks, job }`: the configured embedding model, and how much of the index still holds another's vectors. */
export const GET = tenantRoute<{ id: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(indexStateResponseSchema, await knowledgeIndexState(caller, params.id, defaultEmbedder().model)),
)
