import type { TokenUsage } from '@/lib/ai/chat'
import type { Queryable } from '@/lib/db'
import { abandonThread, loadThread, startThread, type Thread } from './conversation-threads'
import { consumeConversation, releaseExchange, reserveTokens } from './usage'

/*
 * The first and (on failure) last transaction of an exchange.
 *
 * Admission checks and consumes the month's allowances in the same transaction that
 * creates the thread, so a refusal or an error leaves neither behind. Only then is the
 * model called, outside any transaction. If the exchange fails after admission, release
 * undoes it: the reservation is returned (tokens the model did spend still count), and a
 * thread this exchange started is deleted and its conversation unit given back. Nothing
 * of a failed exchange is stored: question and answer are written together on success.
 */

export type Admission = {
  /** The caller's thread (members only); null for visitors and previews. */
  thread: Thread | null
  /** This exchange started a thread and used one of the month's conversations. */
  consumedConversation: boolean
  /** The month the allowances were taken from, so they are settled in the same one. */
  period: string | null
  reservation: { tokens: number } | null
  /** Usage is counted (everything but the dashboard's preview). */
  counted: boolean
}

export type AdmissionRequest = {
  tenantId: string
  /** null = a visitor (every question counts as a thread of its own, none is stored). */
  userId: string | null
  conversationId: string | null
  input: string
  counted: boolean
  /** The tokens to reserve, given the thread's history; absent = no model, nothing to reserve. */
  estimateTokens?: (history: Thread['history']) => number
}

export async function admitExchange(tx: Queryable, request: AdmissionRequest): Promise<Admission> {
  if (!request.counted) return { thread: null, consumedConversation: false, period: null, reservation: null, counted: false }
  let thread: Thread | null = null
  let consumedConversation = false
  let period: string | null = null
  if (request.userId && request.conversationId) {
    thread = await loadThread(tx, request.tenantId, request.userId, request.conversationId)
  } else {
    period = (await consumeConversation(tx, request.tenantId)).period
    consumedConversation = true
    if (request.userId) thread = await startThread(tx, request.tenantId, request.userId, request.input)
  }
  let reservation: Admission['reservation'] = null
  if (request.estimateTokens) {
    const tokens = request.estimateTokens(thread?.history ?? [])
    period = (await reserveTokens(tx, request.tenantId, tokens)).period
    reservation = { tokens }
  }
  return { thread, consumedConversation, period, reservation, counted: true }
}

export async function releaseAdmission(tx: Queryable, tenantId: string, admission: Admission, spent: TokenUsage): Promise<void> {
  if (!admission.counted) return
  const nothingSpent = spent.promptTokens === 0 && spent.completionTokens === 0
  if (!admission.consumedConversation && !admission.reservation && nothingSpent) return
  if (admission.consumedConversation && admission.thread) await abandonThread(tx, tenantId, admission.thread.id)
  await releaseExchange(tx, {
    tenantId,
    period: admission.period,
    reserved: admission.reservation?.tokens ?? 0,
    tokensIn: spent.promptTokens,
    tokensOut: spent.completionTokens,
    returnConversation: admission.consumedConversation,
  })
}
