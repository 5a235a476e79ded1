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

const blankAnswer = (alternatives: ShownMessage[] = []): ShownMessage => ({
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
  stopped: false,
  status: 'streaming',
  alternatives,
})

/** A stopped answer is stored a moment after the stream closes: the thread is read again until it is there. */
const RESYNC_TRIES = 8
const RESYNC_DELAY_MS = 250

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
/** `advisorId`: the advisor a new thread is asked of (a thread keeps its own). */
export function useOracleChat(slug: string, initial: ConversationResponse | null, events: ThreadEvents, advisorId: string | null = null) {
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

  /** Reads the thread back after a stop until the stopped answer is stored (ids, the mark). */
  const resync = useCallback(
    async (id: string, started: boolean) => {
      const opening = openedRef.current
      for (let attempt = 0; attempt < RESYNC_TRIES; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, RESYNC_DELAY_MS))
        if (opening !== openedRef.current) return
        try {
          const url = `/api/tenant/${encodeURIComponent(slug)}/conversations/${encodeURIComponent(id)}`
          const body = await apiFetch(url, conversationResponseSchema)
          const last = body.conversation.messages.at(-1)
          if (opening !== openedRef.current || !last?.stopped) continue
          setMessages(body.conversation.messages.map(toShownMessage))
          setEarlierCursor(body.nextCursor)
          if (started) onThreadStarted(id)
          onThreadChanged()
          return
        } catch {
          // A failed read leaves the answer shown as it was; the next try may succeed.
        }
      }
    },
    [slug, onThreadStarted, onThreadChanged],
  )

  /**
   * Streams an answer into the thread. `shown` is the thread as it should look while the
   * answer comes (the question and a blank answer at its end), `before` as it was; `resend`
   * asks one of the thread's stored questions again (regenerate when the text is the same,
   * edit otherwise). False when the question was refused before any answer came.
   */
  const stream = useCallback(
    async (input: string, before: ShownMessage[], shown: ShownMessage[], resend: string | null): Promise<boolean> => {
      const question = shown.at(-2)
      const answer = shown.at(-1)
      if (!question || !answer) return false
      const depth = shown.filter((message) => message.role === 'user').length - 1
      setMessages(shown)
      setStreaming(true)
      setError(null)
      const controller = new AbortController()
      abortRef.current = controller
      let threadId: string | null = conversationId
      let written = ''
      try {
        await streamOracle(
          slug,
          {
            input,
            ...(conversationId ? { conversationId } : advisorId ? { advisorId } : {}),
            ...(resend ? { resend } : {}),
            conversationDepth: depth,
          },
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
            onToken: (text) => {
              written += text
              patch(answer.key, (message) => ({ content: message.content + text }))
            },
            onDone: (done) => {
              patch(answer.key, () => ({ status: 'done', messageId: done.messageId }))
              patch(question.key, () => ({ messageId: done.questionId }))
              // Named once stored: a new thread whose first exchange fails is never written.
              if (done.messageId && threadId && threadId !== conversationId) onThreadStarted(threadId)
            },
          },
          controller.signal,
        )
        onThreadChanged()
        return true
      } catch (cause) {
        const failure = toApiError(cause)
        if (failure.code === 'aborted') {
          patch(answer.key, () => ({ status: 'done', stopped: written !== '' }))
          // The server keeps what it streamed before the stop; reading the thread back gives the stored ids.
          if (written && threadId) void resync(threadId, threadId !== conversationId)
          return true
        }
        setError(failure)
        // A refusal (429, 401...) before any answer: the thread goes back to how it was, no unanswered question left in it.
        if (written === '') {
          setMessages(before)
          return false
        }
        patch(answer.key, () => ({ status: 'failed' }))
        return true
      } finally {
        abortRef.current = null
        setStreaming(false)
      }
    },
    [slug, conversationId, advisorId, patch, onThreadChanged, onThreadStarted, resync],
  )

  const send = useCallback(
    (input: string) => {
      const question: ShownMessage = { ...blankAnswer(), key: localKey('u'), role: 'user', content: input, status: 'done' }
      return stream(input, messages, [...messages, question, blankAnswer()], null)
    },
    [messages, stream],
  )

  /** A new answer to the question before `answerKey`; the current one joins its alternatives. */
  const regenerate = useCallback(
    (answerKey: string) => {
      const at = messages.findIndex((message) => message.key === answerKey)
      const current = messages[at]
      const question = messages[at - 1]
      if (!current || question?.role !== 'user' || !question.messageId) return Promise.resolve(false)
      const alternatives = [...current.alternatives, { ...current, alternatives: [] }]
      return stream(question.content, messages, [...messages.slice(0, at), blankAnswer(alternatives)], question.messageId)
    },
    [messages, stream],
  )

  /** Sends an edited question in place of `questionKey`: the thread continues from it, what followed leaves. */
  const edit = useCallback(
    (questionKey: string, input: string) => {
      const at = messages.findIndex((message) => message.key === questionKey)
      const original = messages[at]
      if (!original?.messageId) return Promise.resolve(false)
      const answer = messages[at + 1]
      if (input === original.content && answer?.role === 'assistant') return regenerate(answer.key)
      const question: ShownMessage = { ...original, key: localKey('u'), messageId: null, content: input }
      return stream(input, messages, [...messages.slice(0, at), question, blankAnswer()], original.messageId)
    },
    [messages, stream, regenerate],
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
    regenerate,
    edit,
    stop,
    startNew,
    open,
    hasEarlier: earlierCursor !== null,
    loadingEarlier,
    showEarlier,
  }
}
