import type { Queryable } from '@/lib/db'
import type { AdvisorPersonality } from '@/lib/contracts/advisors'
import type { MaiaPersonality } from '@/lib/engine/voice'
import { isUuid } from '@/lib/contracts/ids'
import { advisorNotFound, selectAdvisors } from './store'

/*
 * The advisor a question is asked of, for the oracle: a new thread takes the one the caller
 * names (one they may use: RLS shows no other), a thread goes on with the advisor it was
 * started with. Its scope is its collections (a personal advisor's none: only the personal
 * documents its user reads), and its personality is laid over the tenant's.
 */

export type AdvisorScope = { id: string; collectionIds: string[]; personality: AdvisorPersonality; name: string }

async function threadAdvisor(tx: Queryable, tenantId: string, conversationId: string): Promise<string | null> {
  const [row] = await tx.query<{ advisor_id: string | null }>(
    'select advisor_id from public.tenant_conversations where tenant_id = $1 and id = $2',
    [tenantId, conversationId],
  )
  return row?.advisor_id ? String(row.advisor_id) : null
}

export async function advisorForQuestion(
  tx: Queryable,
  tenantId: string,
  request: { advisorId?: string | null; conversationId?: string | null; userId: string | null },
): Promise<AdvisorScope | null> {
  const id =
    request.userId && request.conversationId && isUuid(request.conversationId)
      ? await threadAdvisor(tx, tenantId, request.conversationId)
      : (request.advisorId ?? null)
  if (!id) return null
  // Visitors have no advisors: nothing to read, and the same 404 as an advisor they may not use.
  if (!request.userId) throw advisorNotFound()
  const [advisor] = isUuid(id) ? await selectAdvisors(tx, tenantId, id) : []
  if (!advisor) throw advisorNotFound()
  return {
    id: advisor.id,
    collectionIds: advisor.personal ? [] : advisor.collectionIds,
    personality: advisor.personality,
    name: advisor.name,
  }
}

/** The tenant's personality with the advisor's overrides; the advisor's name is the assistant's unless it names another. */
export function withAdvisorPersonality(personality: MaiaPersonality, advisor: AdvisorScope | null): MaiaPersonality {
  if (!advisor) return personality
  const overrides = Object.fromEntries(Object.entries(advisor.personality).filter(([, value]) => value !== undefined))
  return { ...personality, name: advisor.name, ...overrides }
}
