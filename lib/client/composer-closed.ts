import { possessive } from './format'
import type { ApiError } from './api-error'

/** Whether this month's limits still let the chat take a question (null: not known, so not held back). */
export type ChatCapacityView = { newThreads: boolean; answers: boolean; memberQuota?: 'messages' | 'tokens' | null } | null

export type ComposerState = {
  mode: 'member' | 'viewer' | 'visitor'
  tenantName: string
  /** The tenant is suspended, cancelled or past its trial: read-only for everyone. */
  serving: boolean
  capacity: ChatCapacityView
  /** The open thread is new (nothing stored yet): only a new thread needs a conversation left. */
  newThread: boolean
  /** The last send's refusal, if any. */
  error: ApiError | null
}

/**
 * Why the composer cannot send right now, in words for the person in front of it; null
 * when it can. Known states close it before anything is typed, so a question is never
 * sent into a refusal; a refusal that arrives anyway (the limit was reached meanwhile)
 * closes it the same way.
 */
export function composerClosedReason(state: ComposerState): string | null {
  const { tenantName } = state
  if (!state.serving || state.error?.code === 'tenant_inactive') {
    return `${possessive(tenantName)} assistant is paused and is not taking questions; your earlier conversations can still be read.`
  }
  if (state.mode === 'viewer') return 'Your role is viewer: you can read your past conversations, but not ask new questions.'
  if (state.capacity?.answers === false) {
    return `${tenantName} has used this month’s answers. Questions open again at the start of next month.`
  }
  if (state.capacity?.memberQuota) {
    return `You have used this month’s ${state.capacity.memberQuota} of your plan in ${tenantName}. It resets at the start of next month.`
  }
  if (state.newThread && state.capacity?.newThreads === false) {
    const more = state.mode === 'member' ? ' You can still continue one of your earlier conversations.' : ''
    return `${tenantName} has reached its monthly conversation limit: new conversations start again next month.${more}`
  }
  // The server's own words say which limit it was.
  if (state.error?.code === 'limit_reached' || state.error?.code === 'member_limit_reached') return state.error.message
  return null
}
