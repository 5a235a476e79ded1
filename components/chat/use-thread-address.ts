'use client'

import { usePathname } from 'next/navigation'
import { useCallback, useEffect, useRef } from 'react'
import { chatHomePath, threadIdFromPath, threadPath } from '@/lib/client/thread-url'

type Chat = { conversationId: string | null; open: (id: string) => Promise<void> | void; startNew: () => void }

/**
 * Keeps the address bar on the open thread (`show`), and follows the address when it
 * changes from outside the chat: Back and Forward between threads, the header's Chat
 * link. `usePathname` tells when the address changed, but it catches up after the
 * chat's own state (the history API reaches Next.js' router in a transition), so the
 * address itself is read from `window.location`; the thread this hook last showed tells
 * the chat's own changes from outside ones, so a thread is never reopened under itself.
 */
export function useThreadAddress(basePath: string, chat: Chat) {
  const pathname = usePathname()
  const shownRef = useRef<string | null>(chat.conversationId)
  const { conversationId, open, startNew } = chat

  const show = useCallback(
    (id: string | null, how: 'push' | 'replace') => {
      shownRef.current = id
      const path = id ? threadPath(basePath, id) : chatHomePath(basePath)
      if (window.location.pathname === path) return
      if (how === 'push') window.history.pushState(null, '', path)
      else window.history.replaceState(null, '', path)
    },
    [basePath],
  )

  useEffect(() => {
    const id = threadIdFromPath(window.location.pathname)
    if (id === shownRef.current) return
    shownRef.current = id
    if (id === conversationId) return
    if (id) void open(id)
    else startNew()
  }, [pathname, conversationId, open, startNew])

  return show
}
