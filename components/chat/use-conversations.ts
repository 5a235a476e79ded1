'use client'

import type { ConversationSummary } from '@/lib/client/chat-types'
import { readConversationList } from '@/lib/client/conversations'
import { useApiQuery } from '@/lib/client/use-api-query'

const EMPTY: ConversationSummary[] = []

/** The signed-in member's own threads; visitors have none, so nothing is fetched for them. */
export function useConversations(slug: string, enabled: boolean) {
  const query = useApiQuery<unknown>(enabled ? `/api/tenant/${encodeURIComponent(slug)}/conversations` : null)
  // A failed list stays empty: the chat itself reports its own errors.
  const conversations = query.data === null ? EMPTY : readConversationList(query.data)
  return { conversations, loading: query.loading && query.data === null, refresh: query.reload }
}
