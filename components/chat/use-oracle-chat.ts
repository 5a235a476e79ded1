'use client'

import { useCallback, useRef, useState } from 'react'
import { apiFetch } from '@/lib/client/api'
import { ApiError, networkError } from '@/lib/client/api-error'
import { toShownMessage } from '@/lib/client/chat-history'
import { localKey, type ShownMessage } from '@/lib/client/chat-types'
import { streamOracle } from '@/lib/client/oracle-stream'
import { conversationResponseSchema, type ConversationResponse } from '@/lib/contracts/conversations'

function toApiError(cause: unknown): ApiError {
  return cause instanceof ApiError ? cause : networkError(cause)
}

const blankAnswer = (): ShownMessage => ({
  key: localKey('a'),
  messageId: null,
  role: 'assistant',
  content: '',
  element: null,
  phase: null,
  facet: null,
  sources: [],
  offline: false,
  feedback: null,
  status: 'streaming',
})

type ThreadEvents = {
  /** A question was answered (the history's order and counts changed). */
  onThreadChanged: () => void
  /** A new thread's first exchange was stored (the address bar can name it now). */
  onThreadStarted: (id: string) => void
}

/**
 * The chat's state machine: one thread at a time, one streaming answer at a time. It
 * starts on `initial` when the page was opened at a thread's address.
 */
export function useOracleChat(slug: string, initial: ConversationResponse | null, events: ThreadEvents) {
  const [messages, setMessages] = useState<ShownMessage[]>(() => initial?.conversation.messages.map(toShownMessage) ?? [])
  const [conversationId, setConversationId] = useState<string | null>(initial?.conversation.id ?? null)
  const [streaming, setStreaming] = useState(false)
  const [loadingThread, setLoadingThread] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  // Where the page of earlier messages of an opened thread starts; null when all are shown.
  const [earlierCursor, setEarlierCursor] = useState<number | null>(initial?.nextCursor ?? null)
  const [loadingEarlier, setLoadingEarlier] = useState(false)
  const abortRef = useRef<AbortController | null>(null)
  // Only the latest open() may fill the thread: a slower earlier one must not overwrite it.
  const openedRef = useRef(0)
  const { onThreadChanged, onThreadStarted } = events

  const patch = useCallback((key: string, change: (message: ShownMessage) => Partial<ShownMessage>) => {
    setMessages((all) => all.map((message) => (message.key === key ? { ...message, ...change(message) } : message)))
  }, [])

  const send = useCallback(
    async (input: string) => {
      const question: ShownMessage = { ...blankAnswer(), key: localKey('u'), role: 'user', content: input, status: 'done' }
      const answer = blankAnswer()
      const depth = messages.filter((message) => message.role === 'user').length
      setMessages((all) => [...all, question, answer])
      setStreaming(true)
      setError(null)
      const controller = new AbortController()
      abortRef.current = controller
      let threadId: string | null = null
      try {
        await streamOracle(
          slug,
          { input, ...(conversationId ? { conversationId } : {}), conversationDepth: depth },
          {
            onMeta: (meta) => {
              patch(answer.key, () => ({
                element: meta.element,
                phase: meta.phase,
                facet: meta.facet.name,
                sources: meta.knowledgeSources,
                offline: meta.offline,
              }))
              if (meta.conversationId) {
                threadId = meta.conversationId
                setConversationId(meta.conversationId)
              }
            },
            onToken: (text) => patch(answer.key, (message) => ({ content: message.content + text })),
            onDone: (done) => {
              patch(answer.key, () => ({ status: 'done', messageId: done.messageId }))
              // Named once stored: a new thread whose first exchange fails is never written.
              if (done.messageId && threadId && threadId !== conversationId) onThreadStarted(threadId)
            },
          },
          controller.signal,
        )
        onThreadChanged()
      } catch (cause) {
        const failure = toApiError(cause)
        if (failure.code === 'aborted') {
          patch(answer.key, () => ({ status: 'done' }))
        } else {
          // Nothing was answered before a refusal (429, 401...): drop the empty bubble.
          setMessages((all) => all.filter((message) => message.key !== answer.key || message.content !== ''))
          patch(answer.key, () => ({ status: 'failed' }))
          setError(failure)
        }
      } finally {
        abortRef.current = null
        setStreaming(false)
      }
    },
    [slug, conversationId, messages, patch, onThreadChanged, onThreadStarted],
  )

  const stop = useCallback(() => abortRef.current?.abort(), [])

  const startNew = useCallback(() => {
    abortRef.current?.abort()
    openedRef.current += 1
    setLoadingThread(false)
    setMessages([])
    setConversationId(null)
    setEarlierCursor(null)
    setError(null)
  }, [])

  const open = useCallback(
    async (id: string) => {
      abortRef.current?.abort()
      const opening = (openedRef.current += 1)
      setLoadingThread(true)
      setError(null)
      try {
        const body = await apiFetch(
          `/api/tenant/${encodeURIComponent(slug)}/conversations/${encodeURIComponent(id)}`,
          conversationResponseSchema,
        )
        if (opening !== openedRef.current) return
        setMessages(body.conversation.messages.map(toShownMessage))
        setEarlierCursor(body.nextCursor)
        setConversationId(id)
      } catch (cause) {
        if (opening === openedRef.current) setError(toApiError(cause))
      } finally {
        if (opening === openedRef.current) setLoadingThread(false)
      }
    },
    [slug],
  )

  const showEarlier = useCallback(async () => {
    if (!conversationId || earlierCursor === null) return
    setLoadingEarlier(true)
    try {
      const url = `/api/tenant/${encodeURIComponent(slug)}/conversations/${encodeURIComponent(conversationId)}?cursor=${earlierCursor}`
      const body = await apiFetch(url, conversationResponseSchema)
      setMessages((shown) => [...body.conversation.messages.map(toShownMessage), ...shown])
      setEarlierCursor(body.nextCursor)
    } catch (cause) {
      setError(toApiError(cause))
    } finally {
      setLoadingEarlier(false)
    }
  }, [slug, conversationId, earlierCursor])

  return {
    messages,
    conversationId,
    streaming,
    loadingThread,
    error,
    send,
    stop,
    startNew,
    open,
    hasEarlier: earlierCursor !== null,
    loadingEarlier,
    showEarlier,
  }
}
