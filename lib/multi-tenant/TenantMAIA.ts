import type { ChatProvider, TokenUsage } from '@/lib/ai/chat'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Queryable } from '@/lib/db'
import { countTokens } from '@/lib/ai/tokens'
import type { Classifier } from '@/lib/engine'
import { AppError } from '@/lib/errors'
import type { Thread } from './conversations/threads'
import { estimateExchangeTokens, planAnswer } from './oracle/answer'
import { admitExchange, needsRelease, releaseAdmission, settleAdmission, type Admission } from './oracle/exchange'
import { embedQuery, PASSAGES_PER_ANSWER, retrievePassages, toSources } from './oracle/knowledge'
import { loadOracleProfile, type OracleProfile, type VoiceDraft } from './oracle/profile'
import { readMessage, type Reading } from './oracle/reading'
import type { OracleEvent } from './oracle/types'
import type { OracleAnswer, OracleMeta, OracleUsage } from '@/lib/contracts/oracle'

import type { TransactionScope } from './access/caller'
import { advisorForQuestion, withAdvisorPersonality, type AdvisorScope } from './advisors'

export type { TransactionScope } from './access/caller'

export type TenantMAIADeps = {
  chat: ChatProvider
  embedder: EmbeddingProvider
  /** Replaces the chat provider's classification call (the offline detector stays the fallback). */
  classify?: Classifier
  /** The dashboard's preview: this unsaved voice answers; nothing is stored, the exchange is counted like a visitor's. */
  preview?: VoiceDraft
}

export type InteractionOptions = {
  /** Continue this thread of the caller's; absent = start a new one. */
  conversationId?: string | null
  /** Ask this question of the thread again (see oracleRequestSchema's `resend`). */
  resend?: string | null
  /** The client's count of turns so far, used when there is no stored thread (visitors). */
  conversationDepth?: number
  /** Stops the model when the caller goes away. */
  signal?: AbortSignal
  /** The question's tokens, if counted already (see countQuestionTokens). */
  inputTokens?: number
  /** The admission already made in the caller's first transaction (see admit); absent = admitted here. */
  admitted?: Admitted
  /** A verified end user of the tenant's site, asking under their own session: their history is read and kept. */
  endUserId?: string | null
  /** A shorter bound on the model's answer than MAX_ANSWER_TOKENS (the public API's max_tokens). */
  maxAnswerTokens?: number
  /** Ask this advisor (a new thread; a thread keeps its own): its collections scope retrieval, its personality overrides the tenant's. */
  advisorId?: string | null
}

/** What admission decided: the tenant as the oracle sees it, and the allowances taken. */
export type Admitted = { profile: OracleProfile; admission: Admission; askedAt: Date; advisor?: AdvisorScope | null }

/**
 * The question's tokens for the reservation, counted before any transaction opens:
 * tokenising is CPU work a transaction must not wait on. Offline there is nothing to reserve.
 */
export function countQuestionTokens(input: string, chat: ChatProvider): number {
  return chat.offline ? 0 : countTokens(input)
}

/**
 * A tenant's assistant for one request, ready once constructed (openOracle decides who
 * asks and how). The engine (elements, phases, facets, prompts) is shared; the voice,
 * knowledge, limits and history are the tenant's, read under RLS.
 *
 * Each step runs in a short transaction and the model is called outside any: admission
 * (the tenant's profile, limits, thread; in the session lookup's transaction when the
 * route hands it over, see admit) -> reading and retrieval -> the answer -> settlement.
 * A failure after admission undoes it (see oracle/exchange.ts).
 */
export class TenantMAIA {
  constructor(
    readonly tenantId: string,
    private readonly run: TransactionScope,
    private readonly deps: TenantMAIADeps,
  ) {}

  /** The whole answer at once. `userId` null = a visitor of a public tenant (nothing stored). */
  async processInteraction(input: string, userId: string | null, options: InteractionOptions = {}): Promise<OracleAnswer> {
    let meta: OracleMeta | undefined
    let response = ''
    for await (const event of this.interact(input, userId, options, false)) {
      if (event.type === 'meta') {
        const { type: _type, ...rest } = event
        meta = rest
      } else if (event.type === 'token') {
        response += event.text
      } else if (meta) {
        return { ...meta, response, usage: event.usage, messageId: event.messageId, questionId: event.questionId }
      }
    }
    throw new AppError('unavailable', 'The answer was cut off. Please try again.')
  }

  /** `meta` first, then `token`s as the model writes them, then `done` once the answer is stored. */
  streamInteraction(input: string, userId: string | null, options: InteractionOptions = {}): AsyncGenerator<OracleEvent> {
    return this.interact(input, userId, options, true)
  }

  private voice(profile: OracleProfile, advisor: AdvisorScope | null): VoiceDraft {
    if (this.deps.preview) return this.deps.preview
    return { ...profile, maiaPersonality: withAdvisorPersonality(profile.maiaPersonality, advisor) }
  }

  private assertMayAsk(profile: OracleProfile, userId: string | null): void {
    if (this.deps.preview) return
    if (userId && !profile.canChat) {
      throw new AppError('forbidden', 'Only members with the user or admin role can ask this assistant.')
    }
    if (!userId && !profile.visiting) throw new AppError('unauthorized', 'Sign in to ask this assistant.')
  }

  /**
   * Admission, in the caller's transaction `tx`: the tenant's profile (and the database's
   * own check that the caller may ask), the thread, the month's conversation and tokens.
   * `inputTokens` comes from countQuestionTokens, counted before `tx` opened.
   */
  async admit(
    tx: Queryable,
    question: { input: string; inputTokens: number },
    userId: string | null,
    options: Pick<InteractionOptions, 'conversationId' | 'resend' | 'endUserId' | 'advisorId'> = {},
  ): Promise<Admitted> {
    const askedAt = new Date()
    const profile = await loadOracleProfile(tx, this.tenantId)
    this.assertMayAsk(profile, userId)
    const advisor = this.deps.preview
      ? null
      : await advisorForQuestion(tx, this.tenantId, { advisorId: options.advisorId, conversationId: options.conversationId, userId })
    const admission = await admitExchange(tx, {
      advisorId: advisor?.id ?? null,
      tenantId: this.tenantId,
      userId: this.deps.preview ? null : userId,
      conversationId: options.conversationId ?? null,
      resend: options.resend ?? null,
      endUserId: this.deps.preview ? null : (options.endUserId ?? null),
      input: question.input,
      estimateTokens: this.deps.chat.offline
        ? undefined
        : (history: Thread['history']) => estimateExchangeTokens(question.inputTokens, history, PASSAGES_PER_ANSWER),
    })
    return { profile, admission, askedAt, advisor }
  }

  private async *interact(
    input: string,
    userId: string | null,
    options: InteractionOptions,
    streaming: boolean,
  ): AsyncGenerator<OracleEvent> {
    let admitted = options.admitted
    if (!admitted) {
      const question = { input, inputTokens: options.inputTokens ?? countQuestionTokens(input, this.deps.chat) }
      admitted = await this.run((tx) => this.admit(tx, question, userId, options))
    }
    const { profile, admission, askedAt, advisor = null } = admitted
    const spent: TokenUsage = { promptTokens: 0, completionTokens: 0 }
    let settled = false
    let answer = ''
    let promptTokens = () => 0
    let answerUsage: TokenUsage | undefined
    let shown: { reading: Reading; sources: OracleMeta['knowledgeSources'] } | null = null
    try {
      const thread = admission.thread
      const [vector, reading] = await Promise.all([
        embedQuery(this.deps.embedder, input),
        readMessage({
          chat: this.deps.chat,
          classify: this.deps.classify,
          input,
          readings: thread?.readings ?? [],
          conversationDepth: thread ? thread.depth : (options.conversationDepth ?? endUserDepth(admission.endUser?.history)),
          signal: options.signal,
        }),
      ])
      addUsage(spent, reading.usage)
      const scope = advisor?.collectionIds ?? null
      const passages = await this.run((tx) => retrievePassages(tx, this.tenantId, this.deps.embedder, input, vector, scope))
      const meta: OracleMeta = {
        element: reading.element,
        phase: reading.phase,
        facet: { id: reading.facet.id, name: reading.facet.name },
        knowledgeSources: toSources(passages),
        conversationId: thread?.id ?? null,
        offline: this.deps.chat.offline,
      }
      shown = { reading, sources: meta.knowledgeSources }
      yield { type: 'meta', ...meta }

      const plan = planAnswer({
        chat: this.deps.chat,
        streaming,
        tenantName: profile.name,
        contentLanguage: profile.contentLanguage,
        voice: this.voice(profile, advisor),
        reading,
        passages,
        history: thread?.history ?? admission.endUser?.history ?? [],
        input,
        newThread: thread ? thread.depth === 0 : (admission.endUser?.history.length ?? 0) === 0,
        signal: options.signal,
        maxTokens: options.maxAnswerTokens,
      })
      promptTokens = plan.promptTokens
      for await (const event of plan.events) {
        if (event.type === 'done') {
          answerUsage = event.usage
        } else {
          answer += event.text
          yield { type: 'token', text: event.text }
        }
      }
      // A stream that ends without usage was stopped by the caller's signal.
      if (!answerUsage) throw new AppError('unavailable', 'The answer was cut off before it was complete.')
      addUsage(spent, answerUsage)

      const ids = await this.run((tx) =>
        settleAdmission(tx, admission, {
          input,
          response: answer,
          askedAt,
          reading,
          sources: meta.knowledgeSources,
          spent,
          offline: meta.offline,
          stopped: false,
        }),
      )
      settled = true
      yield { type: 'done', usage: usageOf(spent, meta.offline), ...ids }
    } finally {
      if (!settled) {
        // Whatever stopped the answer (an error, or the caller leaving mid-stream), the model
        // spent what it spent: the prompt and whatever it wrote.
        if (!answerUsage) {
          const prompt = promptTokens()
          if (prompt > 0) addUsage(spent, { promptTokens: prompt, completionTokens: countTokens(answer) })
        }
        // A caller who read part of the answer and then left (or stopped it) has had the
        // exchange: it counts, and a member's thread keeps what was shown, marked stopped.
        if (options.signal?.aborted && answer.length > 0 && shown) {
          const { reading, sources } = shown
          await this.run((tx) =>
            settleAdmission(tx, admission, {
              input,
              response: answer,
              askedAt,
              reading,
              sources,
              spent,
              offline: this.deps.chat.offline,
              stopped: true,
            }),
          ).catch((error: unknown) => console.error('[oracle] could not count an exchange the caller left', error))
        } else if (needsRelease(admission, spent)) {
          await this.run((tx) => releaseAdmission(tx, admission, spent)).catch((error: unknown) => {
            console.error('[oracle] could not undo a failed exchange', error)
          })
        }
      }
    }
  }
}

function endUserDepth(history: readonly { role: string }[] | undefined): number {
  return (history ?? []).filter((turn) => turn.role === 'user').length
}

function addUsage(total: TokenUsage, more: TokenUsage): void {
  total.promptTokens += more.promptTokens
  total.completionTokens += more.completionTokens
}

function usageOf(spent: TokenUsage, offline: boolean): OracleUsage {
  return {
    promptTokens: spent.promptTokens,
    completionTokens: spent.completionTokens,
    totalTokens: spent.promptTokens + spent.completionTokens,
    offline,
  }
}
