'use client'

import { useCallback, useRef, useState } from 'react'
import { apiFetch } from '@/lib/client/api'
import { ApiError, networkError } from '@/lib/client/api-error'
import { toShownMessage } from '@/lib/client/chat-history'
import { localKey, type ShownMessage } from '@/lib/client/chat-types'
import { streamOracle } from '@/lib/client/oracle-stream'
import { conversationResponseSchema } from '@/lib/contracts/conversations'

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

/** The chat's state machine: one thread at a time, one streaming answer at a time. */
export function useOracleChat(slug: string, onThreadChanged: () => void) {
  const [messages, setMessages] = useState<ShownMessage[]>([])
  const [conversationId, setConversationId] = useState<string | null>(null)
  const [streaming, setStreaming] = useState(false)
  const [loadingThread, setLoadingThread] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  // Where the page of earlier messages of an opened thread starts; null when all are shown.
  const [earlierCursor, setEarlierCursor] = useState<number | null>(null)
  const [loadingEarlier, setLoadingEarlier] = useState(false)
  const abortRef = useRef<AbortController | null>(null)

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
              if (meta.conversationId) setConversationId(meta.conversationId)
            },
            onToken: (text) => patch(answer.key, (message) => ({ content: message.content + text })),
            onDone: (done) => patch(answer.key, () => ({ status: 'done', messageId: done.messageId })),
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
    [slug, conversationId, messages, patch, onThreadChanged],
  )

  const stop = useCallback(() => abortRef.current?.abort(), [])

  const startNew = useCallback(() => {
    abortRef.current?.abort()
    setMessages([])
    setConversationId(null)
    setEarlierCursor(null)
    setError(null)
  }, [])

  const open = useCallback(
    async (id: string) => {
      abortRef.current?.abort()
      setLoadingThread(true)
      setError(null)
      try {
        const body = await apiFetch(
          `/api/tenant/${encodeURIComponent(slug)}/conversations/${encodeURIComponent(id)}`,
          conversationResponseSchema,
        )
        setMessages(body.conversation.messages.map(toShownMessage))
        setEarlierCursor(body.nextCursor)
        setConversationId(id)
      } catch (cause) {
        setError(toApiError(cause))
      } finally {
        setLoadingThread(false)
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
