'use client'

import { useMemo, useState, type FormEvent } from 'react'
import { SafeMarkdown } from '@/components/chat/safe-markdown'
import { SourceCards } from '@/components/chat/source-cards'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ElementBadge } from '@/components/ui/element-badge'
import { TextField } from '@/components/ui/field'
import { detectElement, detectPhase } from '@/lib/engine/detect'
import { assemblePrompt } from '@/lib/engine/prompt'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { MAX_INPUT_CHARS, previewResponseSchema, type OracleAnswer, type PreviewRequest } from '@/lib/contracts/oracle'
import { payloadFrom, type PersonalityDraft } from './personality-draft'

/**
 * Asks the draft personality one question through the preview route (nothing is saved
 * or counted as a conversation), and shows, computed in the browser, the system framing
 * the engine would give a language model for the same draft.
 */
export function PersonalityPreview({ previewUrl, tenantName, draft }: { previewUrl: string; tenantName: string; draft: PersonalityDraft }) {
  const [question, setQuestion] = useState('What can you help me with?')
  const [answer, setAnswer] = useState<OracleAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const framing = useMemo(() => {
    const payload = payloadFrom(draft)
    const voice = brandVoiceSchema.safeParse(payload.brandVoice)
    const personality = maiaPersonalitySchema.safeParse(payload.maiaPersonality)
    const signature = elementalSignatureSchema.safeParse(payload.elementalSignature)
    if (!voice.success || !personality.success || !signature.success) return null
    const reading = detectElement(question)
    return assemblePrompt({
      tenantName,
      brandVoice: voice.data,
      personality: personality.data,
      signature: signature.data,
      element: reading.element,
      phase: detectPhase(question),
      knowledge: [],
      input: question,
    }).system
  }, [draft, question, tenantName])

  async function ask(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const voice = payloadFrom(draft)
      setAnswer(
        await apiFetch(previewUrl, previewResponseSchema, {
          method: 'POST',
          json: { input: question, draft: voice } satisfies PreviewRequest,
        }),
      )
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
      <div>
        <h2 className="text-base font-semibold text-stone-900">Live preview</h2>
        <p className="text-sm text-stone-600">Try the draft before saving: the answer uses your knowledge and the unsaved settings.</p>
      </div>
      <form onSubmit={ask} className="space-y-3">
        <TextField
          label="Sample question"
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          maxLength={MAX_INPUT_CHARS}
        />
        <Button type="submit" variant="secondary" busy={busy} disabled={!question.trim()}>
          Preview answer
        </Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {answer ? (
        <div role="region" aria-label="Preview answer" aria-live="polite" className="rounded-lg border border-stone-200 bg-stone-50 p-4">
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold text-stone-800">{draft.name || 'Assistant'}</span>
            <ElementBadge element={answer.element} phase={answer.phase} facet={answer.facet.name} />
          </div>
          <SafeMarkdown text={answer.response} className="text-stone-900" />
          <SourceCards sources={answer.knowledgeSources} />
        </div>
      ) : null}
      {framing ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700">What a language model is told</summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded-lg bg-stone-100 p-3 text-xs whitespace-pre-wrap text-stone-800">
            {framing}
          </pre>
        </details>
      ) : (
        <p className="text-sm text-stone-600">Fix the highlighted fields to see the framing.</p>
      )}
    </div>
  )
}
