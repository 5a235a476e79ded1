import type { AccountSession } from '@/lib/contracts/auth'

/** This device first, then the others by most recent activity. */
export function orderSessions(sessions: AccountSession[]): AccountSession[] {
  return [...sessions].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1
    return Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt)
  })
}

/** What "sign out all other sessions" did, in words. */
export function revokedSentence(revoked: number | null): string {
  if (revoked === null) return 'Every other session has been signed out.'
  if (revoked === 0) return 'No other session was signed in.'
  return `Signed out ${revoked} other ${revoked === 1 ? 'session' : 'sessions'}.`
}
