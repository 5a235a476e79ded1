import type { Claims } from '@/lib/db'

/** The claims of a local session, in the shape Supabase puts in request.jwt.claims: built here only. */
export function localSessionClaims(session: { userId: string; email: string; sessionId: string }): Claims {
  return { sub: session.userId, email: session.email, role: 'authenticated', session_id: session.sessionId }
}
