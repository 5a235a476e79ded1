import type { TokenUsage } from '@/lib/ai/chat'
import type { Queryable } from '@/lib/db'
import { abandonThread, loadThread, startThread, storeExchange, type Thread } from '@/lib/multi-tenant/conversations'
import { endUserHistory, storeEndUserExchange } from '@/lib/multi-tenant/end-users'
import type { ChatTurn } from '@/lib/engine'
import type { Reading } from './reading'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { consumeConversation, recordExchange, releaseExchange, reserveMemberQuestion, reserveTokens } from '@/lib/multi-tenant/usage'
import { assertStorageRoom } from './storage-room'

/*
 * The transactions around the model call of one exchange.
 *
 * Admission checks and consumes the month's allowances in the same transaction that
 * creates the thread, so a refusal or an error leaves neither behind. Then the model is
 * called, outside any transaction. On success, settlement stores question and answer
 * together and turns the reservation into the real usage. On failure, release undoes the
 * admission: the reservation is returned (tokens the model did spend still count), and a
 * thread this exchange started is deleted and its conversation unit given back, so
 * nothing of a failed exchange is stored. A member's question is counted against their
 * tier by the same three steps (the usage functions given the member), so a member past
 * their tier is refused while the rest of the tenant still asks.
 */

export type Admission = {
  tenantId: string
  /** The member whose thread this is; null for visitors and previews. */
  userId: string | null
  /** The caller's thread (members only); null for visitors and previews. */
  thread: Thread | null
  /** A verified end user of the tenant's site (their history is theirs, apart from members'); null otherwise. */
  endUser: { id: string; history: ChatTurn[] } | null
  /** This exchange started a thread and used one of the month's conversations. */
  consumedConversation: boolean
  /** The month the allowances were taken from, so they are settled in the same one. */
  period: string | null
  reservation: { tokens: number } | null
  /** A question (and the reservation's tokens) was set aside in the member's tier. */
  memberCounted: boolean
}

export type AdmissionRequest = {
  tenantId: string
  /** null = a visitor (every question counts as a thread of its own, none is stored). */
  userId: string | null
  conversationId: string | null
  input: string
  /** One of the thread's questions asked again (see oracleRequestSchema's `resend`). */
  resend?: string | null
  /** A verified end user asking under their own session (the caller's transaction is theirs). */
  endUserId?: string | null
  /** The tokens to reserve, given the thread's history; absent = no model, nothing to reserve. */
  estimateTokens?: (history: Thread['history']) => number
  /** The advisor a new thread is had with (recorded on it). */
  advisorId?: string | null
}

export async function admitExchange(tx: Queryable, request: AdmissionRequest): Promise<Admission> {
  const { tenantId, userId } = request
  let thread: Thread | null = null
  let consumedConversation = false
  let period: string | null = null
  if (request.userId || request.endUserId) await assertStorageRoom(tx, tenantId)
  if (request.userId && request.conversationId) {
    const resend = request.resend ? { questionId: request.resend, input: request.input } : undefined
    thread = await loadThread(tx, request.tenantId, request.userId, request.conversationId, resend)
  } else {
    period = (await consumeConversation(tx, request.tenantId)).period
    consumedConversation = true
    if (request.userId) thread = await startThread(tx, request.tenantId, request.userId, request.input, request.advisorId ?? null)
  }
  const endUser = request.endUserId
    ? { id: request.endUserId, history: await endUserHistory(tx, request.tenantId, request.endUserId) }
    : null
  let reservation: Admission['reservation'] = null
  if (request.estimateTokens) {
    const tokens = request.estimateTokens(thread?.history ?? endUser?.history ?? [])
    period = (await reserveTokens(tx, request.tenantId, tokens, userId)).period
    reservation = { tokens }
  } else if (userId) {
    const member = await reserveMemberQuestion(tx, tenantId, userId)
    period ??= member.period
  }
  return { tenantId, userId, thread, endUser, consumedConversation, period, reservation, memberCounted: userId !== null }
}

export type CompletedExchange = {
  input: string
  response: string
  askedAt: Date
  reading: Reading
  sources: KnowledgeSource[]
  spent: TokenUsage
  offline: boolean
  /** The caller stopped the answer mid-stream: what was written is stored, marked stopped. */
  stopped: boolean
}

export type SettledIds = { messageId: string | null; questionId: string | null }

/** Stores the exchange in the caller's thread (if any) and counts it; returns the stored answer's and question's ids. */
export async function settleAdmission(tx: Queryable, admission: Admission, exchange: CompletedExchange): Promise<SettledIds> {
  const { thread, userId, tenantId, endUser } = admission
  const { reading, spent } = exchange
  if (endUser) {
    await storeEndUserExchange(tx, {
      tenantId,
      endUserId: endUser.id,
      input: exchange.input,
      response: exchange.response,
      sources: exchange.sources,
    })
  }
  const stored =
    thread && userId
      ? await storeExchange(tx, {
          tenantId,
          userId,
          conversationId: thread.id,
          input: exchange.input,
          response: exchange.response,
          askedAt: exchange.askedAt,
          element: reading.element,
          phase: reading.phase,
          facetId: reading.facet.id,
          sources: exchange.sources,
          tokensIn: spent.promptTokens,
          tokensOut: spent.completionTokens,
          offline: exchange.offline,
          stopped: exchange.stopped,
          again: thread.again,
        })
      : null
  await recordExchange(tx, {
    tenantId,
    period: admission.period,
    reserved: admission.reservation?.tokens ?? 0,
    tokensIn: spent.promptTokens,
    tokensOut: spent.completionTokens,
    messages: stored?.messages ?? 2,
    newConversation: admission.consumedConversation,
    element: reading.element,
    memberId: admission.memberCounted ? userId : null,
  })
  return { messageId: stored?.answerId ?? null, questionId: stored?.questionId ?? null }
}

/** Whether a failed exchange left anything to undo or count. */
export function needsRelease(admission: Admission, spent: TokenUsage): boolean {
  const somethingSpent = spent.promptTokens > 0 || spent.completionTokens > 0
  return admission.consumedConversation || admission.reservation !== null || admission.memberCounted || somethingSpent
}

export async function releaseAdmission(tx: Queryable, admission: Admission, spent: TokenUsage): Promise<void> {
  const { tenantId } = admission
  if (admission.consumedConversation && admission.thread) await abandonThread(tx, tenantId, admission.thread.id)
  await releaseExchange(tx, {
    tenantId,
    period: admission.period,
    reserved: admission.reservation?.tokens ?? 0,
    tokensIn: spent.promptTokens,
    tokensOut: spent.completionTokens,
    returnConversation: admission.consumedConversation,
    memberId: admission.memberCounted ? admission.userId : null,
  })
}
