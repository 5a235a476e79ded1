import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/client/api-error'
import { composerClosedReason, type ComposerState } from '@/lib/client/composer-closed'

const open: ComposerState = {
  mode: 'member',
  tenantName: 'Cedar Lodge',
  serving: true,
  capacity: { newThreads: true, answers: true },
  newThread: true,
  error: null,
}

const refusal = (code: string, message: string) => new ApiError({ status: code.endsWith('limit_reached') ? 429 : 403, code, message })

describe('composerClosedReason', () => {
  it('leaves the composer open while the tenant serves and its limits have room', () => {
    expect(composerClosedReason(open)).toBeNull()
    expect(composerClosedReason({ ...open, capacity: null })).toBeNull()
  })

  it('closes it for a paused tenant, known from the page or from a refusal', () => {
    expect(composerClosedReason({ ...open, serving: false })).toMatch(/Cedar Lodge’s assistant is paused/)
    expect(composerClosedReason({ ...open, error: refusal('tenant_inactive', 'suspended') })).toMatch(/paused/)
  })

  it('closes it for a viewer, whose role is read-only', () => {
    expect(composerClosedReason({ ...open, mode: 'viewer' })).toMatch(/Your role is viewer/)
  })

  it('closes only new threads when the month’s conversations are used up, and says earlier ones continue', () => {
    const used = { ...open, capacity: { newThreads: false, answers: true } }
    expect(composerClosedReason(used)).toMatch(/monthly conversation limit.*continue one of your earlier conversations/)
    expect(composerClosedReason({ ...used, newThread: false })).toBeNull()
    expect(composerClosedReason({ ...used, mode: 'visitor' })).not.toMatch(/earlier conversations/)
  })

  it('closes every thread when the month’s tokens are used up', () => {
    expect(composerClosedReason({ ...open, newThread: false, capacity: { newThreads: false, answers: false } })).toMatch(
      /used this month’s answers/,
    )
  })

  it('closes every thread, before anything is typed, when the member has used their own tier’s allowance', () => {
    expect(
      composerClosedReason({ ...open, newThread: false, capacity: { newThreads: true, answers: true, memberQuota: 'messages' } }),
    ).toBe('You have used this month’s messages of your plan in Cedar Lodge. It resets at the start of next month.')
    expect(composerClosedReason({ ...open, capacity: { newThreads: true, answers: true, memberQuota: 'tokens' } })).toMatch(
      /this month’s tokens of your plan/,
    )
  })

  it('closes it with the server’s words after a limit refusal that came anyway', () => {
    const error = refusal('limit_reached', 'This organisation has reached its monthly token limit.')
    expect(composerClosedReason({ ...open, newThread: false, error })).toBe('This organisation has reached its monthly token limit.')
  })

  it('closes it with the server’s words when the member’s own tier is used up', () => {
    const error = refusal('member_limit_reached', 'You have used this month’s messages of your plan in this organisation.')
    expect(composerClosedReason({ ...open, error })).toBe('You have used this month’s messages of your plan in this organisation.')
  })

  it('stays open after other failures, which a second try may get past', () => {
    expect(composerClosedReason({ ...open, error: refusal('network', 'offline') })).toBeNull()
  })
})
