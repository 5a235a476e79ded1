'use client'

import { useEffect, useState } from 'react'
import { Composer } from '@/components/chat/composer'
import { SafeMarkdown } from '@/components/chat/safe-markdown'
import { SourceCards } from '@/components/chat/source-cards'
import { Alert } from '@/components/ui/alert'
import { apiFetch, ApiError } from '@/lib/client/api'
import { useWidgetLink } from '@/lib/client/widget-link'
import { widgetAnswerSchema, widgetSessionSchema, type WidgetMessage, type WidgetSession } from '@/lib/contracts/widget'

const bandColours: Record<string, string> = { fire: 'bg-fire', water: 'bg-water', earth: 'bg-earth', air: 'bg-air', aether: 'bg-aether' }

type Props = { slug: string; tenantName: string; parentOrigin: string }

const widgetApi = (slug: string, path: string) => `/api/widget/${encodeURIComponent(slug)}/${path}`

/** The chat inside the widget's frame: the widget token, never a cookie, authenticates every request. */
export function WidgetChat({ slug, tenantName, parentOrigin }: Props) {
  const link = useWidgetLink(parentOrigin)
  const [session, setSession] = useState<WidgetSession | null>(null)
  const [messages, setMessages] = useState<WidgetMessage[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(link.token ?? (await link.renew()))
    } catch (caught) {
      if (!(caught instanceof ApiError) || caught.status !== 401) throw caught
      return call(await link.renew())
    }
  }

  const { token } = link
  // Opened once, with the first token; later tokens continue the same conversation.
  useEffect(() => {
    if (!token || session) return
    apiFetch(widgetApi(slug, 'session'), widgetSessionSchema, { credentials: 'omit', headers: { authorization: `Bearer ${token}` } }).then(
      (opened) => {
        setSession(opened)
        setMessages(opened.messages)
      },
      (caught: unknown) => setError(caught instanceof Error ? caught.message : 'The assistant could not be reached.'),
    )
  }, [token, session, slug])

  async function send(input: string): Promise<boolean> {
    setBusy(true)
    setError(null)
    setMessages((shown) => [...shown, { id: `question-${shown.length}`, role: 'user', content: input, sources: [] }])
    try {
      const depth = messages.filter((message) => message.role === 'user').length
      const answer = await withToken((current) =>
        apiFetch(widgetApi(slug, 'chat'), widgetAnswerSchema, {
          method: 'POST',
          credentials: 'omit',
          headers: { authorization: `Bearer ${current}` },
          json: { input, conversationDepth: depth },
        }),
      )
      setMessages((shown) => [
        ...shown,
        { id: answer.messageId ?? `answer-${shown.length}`, role: 'assistant', content: answer.response, sources: answer.knowledgeSources },
      ])
      return true
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The answer could not be fetched.')
      return false
    } finally {
      setBusy(false)
    }
  }

  const branding = session?.branding
  return (
    <div className="flex h-full min-h-0 flex-col">
      <header
        className={`flex items-center justify-between gap-2 px-4 py-3 text-on-accent ${bandColours[branding?.element ?? ''] ?? 'bg-aether'}`}
      >
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold">{branding?.assistantName ?? tenantName}</h1>
          <p className="truncate text-xs opacity-90">{tenantName}</p>
        </div>
        <button type="button" onClick={link.close} className="rounded px-2 py-1 text-sm font-medium hover:bg-black/15">
          Close
        </button>
      </header>
      {link.refusal ? (
        <div className="p-4">
          <Alert tone="error" title="The assistant cannot open here">
            {link.refusal}
          </Alert>
        </div>
      ) : (
        <>
          <div role="log" aria-live="polite" aria-busy={busy} className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
            {branding ? (
              <>
                <p className="text-sm text-stone-600">{branding.greeting}</p>
                {messages.length === 0 && branding.suggestedQuestions.length > 0 ? (
                  <ul aria-label="Suggested questions" className="flex flex-wrap gap-2">
                    {branding.suggestedQuestions.map((question) => (
                      <li key={question}>
                        <button
                          type="button"
                          disabled={!session || busy}
                          onClick={() => void send(question)}
                          className="rounded-full border border-stone-300 px-3 py-1 text-left text-sm text-stone-800 hover:bg-stone-100 disabled:opacity-60"
                        >
                          {question}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              <p className="text-sm text-stone-600">Connecting…</p>
            )}
            {messages.map((message) =>
              message.role === 'user' ? (
                <p key={message.id} className="ml-8 rounded-2xl bg-stone-100 px-3 py-2 text-sm break-words text-stone-900">
                  {message.content}
                </p>
              ) : (
                <article key={message.id} className="text-sm text-stone-900">
                  <SafeMarkdown text={message.content} />
                  <SourceCards sources={message.sources} />
                </article>
              ),
            )}
            {busy ? <p className="text-sm text-stone-600">Thinking…</p> : null}
            {error ? <Alert tone="error">{error}</Alert> : null}
          </div>
          <div className="border-t border-stone-200 p-2">
            <Composer
              onSend={send}
              onStop={() => undefined}
              streaming={false}
              disabled={!session || busy}
              closedReason={null}
              placeholder="Ask a question"
            />
          </div>
        </>
      )}
    </div>
  )
}
