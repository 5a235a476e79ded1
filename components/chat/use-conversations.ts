'use client'

import { useCallback, useEffect, useState } from 'react'
import { apiFetch } from '@/lib/client/api'
import { noContentSchema } from '@/lib/contracts/no-content'
import {
  conversationListResponseSchema,
  conversationRenameResponseSchema,
  type ConversationRenameRequest,
  type ConversationSummary,
} from '@/lib/contracts/conversations'
import { useApiQuery } from '@/lib/client/use-api-query'

const EMPTY: ConversationSummary[] = []
/** Typing pauses this long before the search is sent, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 250

/**
 * The signed-in member's own threads (visitors have none, so nothing is fetched for
 * them), optionally only those matching a search, with rename and delete.
 */
export function useConversations(slug: string, enabled: boolean) {
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [search])

  const base = `/api/tenant/${encodeURIComponent(slug)}/conversations`
  const list = useApiQuery(enabled ? (query ? `${base}?q=${encodeURIComponent(query)}` : base) : null, conversationListResponseSchema)
  const { reload } = list

  const rename = useCallback(
    async (id: string, title: string) => {
      await apiFetch(`${base}/${encodeURIComponent(id)}`, conversationRenameResponseSchema, {
        method: 'PATCH',
        json: { title } satisfies ConversationRenameRequest,
      })
      reload()
    },
    [base, reload],
  )

  const remove = useCallback(
    async (id: string) => {
      await apiFetch(`${base}/${encodeURIComponent(id)}`, noContentSchema, { method: 'DELETE' })
      reload()
    },
    [base, reload],
  )

  // A failed list stays empty: the chat itself reports its own errors.
  return {
    conversations: list.data?.items ?? EMPTY,
    loading: list.loading && list.data === null,
    searching: query !== '' || search.trim() !== '',
    search,
    setSearch,
    refresh: reload,
    rename,
    remove,
  }
}
