'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ChatNotice } from './chat-notice'
import { Composer } from './composer'
import { ConversationList } from './conversation-list'
import { MessageBubble } from './message-bubble'
import { SuggestedQuestions } from './suggested-questions'
import { AdvisorPicker } from './advisor-picker'
import { useConversations } from './use-conversations'
import { useOracleChat } from './use-oracle-chat'
import { useThreadAddress } from './use-thread-address'
import { composerClosedReason, type ChatCapacityView } from '@/lib/client/composer-closed'
import type { ConversationResponse } from '@/lib/contracts/conversations'
import { advisorListSchema } from '@/lib/contracts/advisors'
import { useApiQuery } from '@/lib/client/use-api-query'

export type ChatAppProps = {
  slug: string
  /** '' on the tenant's own host, `/t/<slug>` on the platform's: where thread addresses start. */
  basePath: string
  tenantName: string
  assistantName: string
  greeting: string
  /** Members keep history and give feedback; viewers only read their history; visitors chat without either. */
  mode: 'member' | 'viewer' | 'visitor'
  signInHref: string
  /** The thread the page was opened at (`/c/<id>`), loaded by the server; null for a new one. */
  initialThread: ConversationResponse | null
  /** False while the tenant is suspended, cancelled or past its trial (read-only). */
  serving: boolean
  /** What this month's limits still allow, read when the page was served. */
  capacity: ChatCapacityView
  /** Opening questions for the empty chat: the tenant's own, or drawn from its documents. */
  suggestions: string[]
}

export function ChatApp(props: ChatAppProps) {
  const { slug, basePath, tenantName, assistantName, greeting, mode, signInHref, initialThread } = props
  const member = mode !== 'visitor'
  // Members (not viewers) ask again in their stored threads.
  const asking = mode === 'member'
  const history = useConversations(slug, member)
  const { refresh } = history
  const [startedId, setStartedId] = useState<string | null>(null)
  const onThreadChanged = useCallback(() => refresh(), [refresh])
  const advisors = useApiQuery(asking ? `/api/tenant/${encodeURIComponent(slug)}/advisors` : null, advisorListSchema)
  const [advisorId, setAdvisorId] = useState<string | null>(null)
  const advisor = advisors.data?.advisors.find((item) => item.id === advisorId) ?? null
  const chat = useOracleChat(slug, initialThread, { onThreadChanged, onThreadStarted: setStartedId }, advisorId)
  const show = useThreadAddress(basePath, chat)
  const [showHistory, setShowHistory] = useState(false)
  const lastContent = chat.messages.at(-1)?.content
  const closedReason = composerClosedReason({
    mode,
    tenantName,
    serving: props.serving,
    capacity: props.capacity,
    newThread: chat.conversationId === null,
    error: chat.error,
  })
  const reading = useMemo(() => ({ slug, basePath, canRead: member }), [slug, basePath, member])

  // Follow the answer as it streams, unless the reader has scrolled up to read earlier messages.
  useEffect(() => {
    const page = document.documentElement
    if (page.scrollHeight - (window.scrollY + window.innerHeight) < 320) window.scrollTo({ top: page.scrollHeight })
  }, [chat.messages.length, lastContent])

  // A new thread's address replaces the chat home's: Back leaves the chat rather than showing an empty one.
  useEffect(() => {
    if (startedId) show(startedId, 'replace')
  }, [startedId, show])

  const sidebar = member ? (
    <ConversationList
      conversations={history.conversations}
      activeId={chat.conversationId}
      loading={history.loading}
      search={history.search}
      searching={history.searching}
      onSearch={history.setSearch}
      canRename={mode === 'member'}
      onSelect={(id) => {
        setShowHistory(false)
        if (id === chat.conversationId) return
        show(id, 'push')
        void chat.open(id)
      }}
      onNew={() => {
        setShowHistory(false)
        show(null, 'push')
        chat.startNew()
      }}
      onRename={history.rename}
      onDelete={async (id) => {
        await history.remove(id)
        if (id !== chat.conversationId) return
        show(null, 'replace')
        chat.startNew()
      }}
    />
  ) : null

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-1 gap-6 px-3 py-4 sm:px-6">
      {sidebar ? (
        <aside className="sticky top-4 hidden max-h-[calc(100dvh-2rem)] w-64 shrink-0 self-start lg:block">{sidebar}</aside>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        {sidebar ? (
          <div className="mb-3 lg:hidden">
            <button
              type="button"
              aria-expanded={showHistory}
              aria-controls="mobile-history"
              onClick={() => setShowHistory((value) => !value)}
              className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm"
            >
              {showHistory ? 'Hide conversations' : 'Conversations'}
            </button>
            {showHistory ? (
              <div id="mobile-history" className="mt-2 max-h-80 rounded-xl border border-stone-200 bg-stone-50 p-3">
                {sidebar}
              </div>
            ) : null}
          </div>
        ) : null}

        {mode === 'visitor' ? (
          <Alert tone="info" className="mb-3">
            You are chatting as a visitor: nothing is saved.{' '}
            <a href={signInHref} className="font-medium underline">
              Sign in
            </a>{' '}
            to keep your conversations.
          </Alert>
        ) : null}

        <section aria-label={`Conversation with ${assistantName}`} className="flex-1">
          {chat.messages.length === 0 && !chat.loadingThread ? (
            <div className="rounded-2xl border border-stone-200 bg-white px-5 py-8 text-center shadow-sm sm:px-10">
              <p className="text-xl font-semibold text-stone-900">{greeting}</p>
              <p className="mx-auto mt-2 max-w-lg text-stone-600">
                Ask {assistantName} anything about {tenantName}. Answers are grounded in {tenantName}’s own documents, with sources you can
                open.
              </p>
              {closedReason === null ? (
                <>
                  <AdvisorPicker
                    advisors={advisors.data?.advisors ?? []}
                    value={advisorId}
                    onChange={setAdvisorId}
                    assistantName={assistantName}
                  />
                  <SuggestedQuestions
                    questions={advisor && advisor.starterQuestions.length > 0 ? advisor.starterQuestions : props.suggestions}
                    onAsk={(question) => void chat.send(question)}
                  />
                </>
              ) : null}
            </div>
          ) : null}
          {chat.loadingThread ? <p className="py-6 text-center text-stone-600">Loading the conversation…</p> : null}
          {chat.hasEarlier ? (
            <div className="mb-4 text-center">
              <Button variant="secondary" size="sm" busy={chat.loadingEarlier} onClick={() => void chat.showEarlier()}>
                Show earlier messages
              </Button>
            </div>
          ) : null}
          <div role="log" aria-busy={chat.streaming} aria-label="Messages">
            <ol className="space-y-4">
              {chat.messages.map((message, index) => {
                const idle = asking && !chat.streaming && message.messageId !== null
                const lastAnswer = message.role === 'assistant' && index === chat.messages.length - 1
                return (
                  <MessageBubble
                    key={message.key}
                    message={message}
                    slug={slug}
                    reading={reading}
                    assistantName={assistantName}
                    canGiveFeedback={member}
                    onRegenerate={idle && lastAnswer ? () => void chat.regenerate(message.key) : undefined}
                    onEdit={idle && message.role === 'user' ? (text) => void chat.edit(message.key, text) : undefined}
                  />
                )
              })}
            </ol>
          </div>
        </section>

        <div className="sticky bottom-0 mt-4 space-y-3 bg-gradient-to-t from-stone-50 from-70% pt-3 pb-2">
          {chat.error ? <ChatNotice error={chat.error} signInHref={signInHref} /> : null}
          <Composer
            onSend={chat.send}
            onStop={chat.stop}
            streaming={chat.streaming}
            disabled={chat.loadingThread}
            closedReason={closedReason}
            placeholder={`Message ${assistantName}…`}
          />
          <p className="text-center text-xs text-stone-600">Answers can be wrong; open the sources to check them.</p>
        </div>
      </div>
    </div>
  )
}
