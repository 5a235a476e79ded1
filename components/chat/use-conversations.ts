'use client'

import { conversationListResponseSchema, type ConversationSummary } from '@/lib/contracts/conversations'
import { useApiQuery } from '@/lib/client/use-api-query'

const EMPTY: ConversationSummary[] = []

/** The signed-in member's own threads; visitors have none, so nothing is fetched for them. */
export function useConversations(slug: string, enabled: boolean) {
  const query = useApiQuery(enabled ? `/api/tenant/${encodeURIComponent(slug)}/conversations` : null, conversationListResponseSchema)
  // A failed list stays empty: the chat itself reports its own errors.
  const conversations = query.data?.items ?? EMPTY
  return { conversations, loading: query.loading && query.data === null, refresh: query.reload }
}
