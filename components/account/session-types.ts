/** One of my sessions as GET /api/auth/sessions returns it (dates are ISO strings). */
export type AccountSession = {
  id: string
  current: boolean
  userAgent: string | null
  ip: string | null
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

export type SessionList = { sessions: AccountSession[] }

/** POST /api/auth/sessions/revoke-others: null when the auth provider cannot count. */
export type RevokeOthersResult = { revoked: number | null }
