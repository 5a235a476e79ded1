import type { Acting } from '@/lib/multi-tenant/access'
import { AppError } from '@/lib/errors'
import type { ConversationSummary } from '@/lib/contracts/conversations'
import { isUuid } from '@/lib/contracts/ids'
import { conversationNotFound } from './threads'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summaries'

/**
 * Renames one of the caller's own threads. RLS decides: someone else's thread is not
 * found (404); a thread its owner may read but not change (a viewer's) is 403.
 */
export async function renameConversation(caller: Acting, tenantId: string, id: string, title: string): Promise<ConversationSummary> {
  if (!isUuid(id)) throw conversationNotFound()
  const userId = caller.session?.userId ?? null
  return caller.run(async (tx) => {
    const renamed = await tx.query<SummaryRow>(
      `update public.tenant_conversations set title = $1
        where id = $2 and tenant_id = $3 and user_id = $4
        returning ${SUMMARY_COLUMNS}`,
      [title, id, tenantId, userId],
    )
    const row = renamed[0]
    if (row) return toSummary(row)
    const visible = await tx.query('select 1 from public.tenant_conversations where id = $1 and tenant_id = $2 and user_id = $3', [
      id,
      tenantId,
      userId,
    ])
    if (visible.length === 0) throw conversationNotFound()
    throw new AppError('forbidden', 'Viewers can read and delete their conversations, but not rename them.')
  })
}
