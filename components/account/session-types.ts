import type { SessionSummary } from '@/lib/auth/account'

/** One of my sessions as GET /api/auth/sessions returns it (dates are ISO strings). */
export type AccountSession = SessionSummary

export type SessionList = { sessions: AccountSession[] }

/** POST /api/auth/sessions/revoke-others: null when the auth provider cannot count. */
export type RevokeOthersResult = { revoked: number | null }
