import { passageResponseSchema } from '@/lib/contracts/documents'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readPassage } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** `{ passage: { id, knowledgeId, title, headingPath, content, index } }`: a cited passage in full, for the tenant's members. */
export const GET = tenantRoute<{ slug: string; id: string; chunkId: string }>({ minRole: 'viewer' }, async ({ caller, params }) =>
  contractJson(passageResponseSchema, { passage: await readPassage(caller, caller.tenant.id, params.id, params.chunkId) }),
)
