import type { KnowledgeSource } from '@/lib/contracts/oracle'
import type { SharedConversation } from '@/lib/contracts/shares'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'

/*
 * A conversation shared with the caller, opened read-only. RLS lets a grantee read the
 * conversation and its messages (20261206030400) and nothing else of it; the sources an
 * answer carries are cut to the documents the grantee may read themselves, which the
 * document policies answer (20261206030500).
 */

type MessageRow = { id: string; role: 'user' | 'assistant'; content: string; created_at: Date | string; sources: KnowledgeSource[] | null }

const notShared = () => new AppError('not_found', 'No such conversation shared with you.')

export async function readSharedConversation(caller: Acting, tenantId: string, id: string): Promise<SharedConversation> {
  if (!isUuid(id)) throw notShared()
  return caller.run(async (tx) => {
    const [conversation] = await tx.query<{ id: string; title: string; user_id: string }>(
      `select c.id, c.title, c.user_id from public.tenant_conversations c
        where c.tenant_id = $1 and c.id = $2 and c.id in (select app_private.shared_conversation_ids())`,
      [tenantId, id],
    )
    if (!conversation) throw notShared()
    const messages = await tx.query<MessageRow>(
      `select m.id, m.role, m.content, m.created_at, m.sources from public.tenant_messages m
        where m.tenant_id = $1 and m.conversation_id = $2 and not m.superseded order by m.created_at, m.id`,
      [tenantId, id],
    )
    const cited = [...new Set(messages.flatMap((message) => (message.sources ?? []).map((source) => source.knowledgeId)))]
    const readable = new Set(
      cited.length === 0
        ? []
        : (
            await tx.query<{ id: string }>('select id from public.tenant_knowledge where tenant_id = $1 and id = any ($2::uuid[])', [
              tenantId,
              cited,
            ])
          ).map((row) => String(row.id)),
    )
    return {
      id: String(conversation.id),
      title: conversation.title,
      ownerId: String(conversation.user_id),
      readOnly: true,
      messages: messages.map((message) => ({
        id: String(message.id),
        role: message.role,
        content: message.content,
        createdAt: new Date(message.created_at).toISOString(),
        sources: (message.sources ?? []).filter((source) => readable.has(source.knowledgeId)),
      })),
    }
  })
}
