import type { Claims, Queryable } from '@/lib/db'
import type { CallerFacts } from './caller-facts'

/**
 * What the rest of the app knows about the caller. `claims` goes to
 * `withUser(db, session.claims, fn)`; nothing else reaches the database as identity.
 * `tenantRole` is the role in the tenant the lookup was asked about (null: none, or not a member).
 */
export type Session = {
  userId: string
  email: string
  sessionId: string
  claims: Claims
} & CallerFacts

/** Work that continues as the session's user in the transaction that looked the session up. */
export type AsSessionUser<T> = (session: Session, tx: Queryable) => Promise<T>

/** A session found, and what the work run in its lookup's transaction returned (undefined: none was asked). */
export type FoundSession<T> = { session: Session; then: T | undefined }

export function sessionOf(claims: Claims, facts: CallerFacts): Session {
  return { userId: claims.sub ?? '', email: claims.email ?? '', sessionId: claims.session_id ?? '', claims, ...facts }
}
