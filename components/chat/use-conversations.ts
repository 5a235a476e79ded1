'use client'

import { useCallback, useEffect, useState } from 'react'
import { apiFetch } from '@/lib/ui/api'
import type { ConversationSummary } from '@/lib/ui/chat-types'
import { readConversationList } from '@/lib/ui/conversations'

/** The signed-in member's own threads; visitors have none, so nothing is fetched for them. */
export function useConversations(slug: string, enabled: boolean) {
  const [conversations, setConversations] = useState<ConversationSummary[]>([])
  const [loading, setLoading] = useState(enabled)

  const refresh = useCallback(async () => {
    if (!enabled) return
    try {
      const body = await apiFetch(`/api/tenant/${encodeURIComponent(slug)}/conversations`)
      setConversations(readConversationList(body))
    } catch {
      // The list is a convenience: it stays empty, and the chat reports its own errors.
    } finally {
      setLoading(false)
    }
  }, [slug, enabled])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { conversations, loading, refresh }
}
