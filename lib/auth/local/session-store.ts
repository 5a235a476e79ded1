import { createHash, randomBytes } from 'node:crypto'
import { becomeUser, withService, type Database, type Queryable } from '@/lib/db'
import { now } from '@/lib/auth/clock'
import { readCallerFacts, type CallerFacts } from '@/lib/auth/caller-facts'
import { localSessionClaims } from './session-claims'

/** How long a local session lives; a new login always starts a new one. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000
// last_seen_at is refreshed at most this often, so reads do not write on every request; a
// tenant's idle timeout therefore signs a session out up to this much early.
export const TOUCH_INTERVAL_MS = 60 * 1000

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type NewSession = { token: string; sessionId: string; expiresAt: Date }

/**
 * Stores a fresh session for a user who just proved who they are. The session the
 * browser came with (if any) is dropped: rotation on login defeats session fixation.
 */
export async function startSession(
  tx: Queryable,
  input: { userId: string; userAgent: string | null; ip: string | null; site: string; previousToken?: string | null },
): Promise<NewSession> {
  const at = now()
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(at.getTime() + SESSION_TTL_MS)
  if (input.previousToken) {
    await tx.query('delete from auth.local_sessions where token_hash = $1', [hashToken(input.previousToken)])
  }
  await tx.query('delete from auth.local_sessions where user_id = $1 and expires_at <= $2', [input.userId, at])
  const rows = await tx.query<{ id: string }>(
    `insert into auth.local_sessions (user_id, token_hash, user_agent, ip, host, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $6, $7) returning id`,
    [input.userId, hashToken(token), input.userAgent?.slice(0, 400) ?? null, input.ip, input.site.slice(0, 300), at, expiresAt],
  )
  return { token, sessionId: String(rows[0]?.id), expiresAt }
}

export type StoredSession = { sessionId: string; userId: string; email: string } & CallerFacts

/**
 * The tightly scoped system task of every request: token -> live session row and its
 * user; a session idle for longer than `tenantId`'s idle timeout ends here. A session answers only on the site (host) that started it: a cookie taken from
 * a tenant's custom domain is no session on the platform host. Then the transaction
 * becomes that user's (role `authenticated`, the session's claims): whether they are a
 * platform admin and their role in `tenantId`, and `then`, the request's first unit of
 * work, run under their RLS.
 */
export async function findSession<T = undefined>(
  db: Database,
  token: string,
  site: string,
  tenantId: string | null = null,
  then?: (stored: StoredSession, tx: Queryable) => Promise<T>,
): Promise<{ stored: StoredSession; then: T | undefined } | null> {
  const at = now()
  return withService(db, async (tx) => {
    const rows = await tx.query<{ id: string; user_id: string; email: string; last_seen_at: Date | string; idle_minutes: number | null }>(
      `select s.id, s.user_id, u.email, s.last_seen_at,
         (select t.idle_timeout_minutes from public.tenants t where t.id = $4::uuid) as idle_minutes
       from auth.local_sessions s join auth.users u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > $2 and s.host = $3`,
      [hashToken(token), at, site, tenantId],
    )
    const row = rows[0]
    if (!row) return null
    const idleMs = at.getTime() - new Date(row.last_seen_at).getTime()
    // Left idle longer than the tenant allows: signed out, here and everywhere the session was used.
    if (row.idle_minutes !== null && idleMs > Number(row.idle_minutes) * 60_000) {
      await tx.query('delete from auth.local_sessions where id = $1', [row.id])
      return null
    }
    if (idleMs > TOUCH_INTERVAL_MS) {
      await tx.query('update auth.local_sessions set last_seen_at = $2 where id = $1', [row.id, at])
    }
    await becomeUser(tx, localSessionClaims({ userId: row.user_id, email: row.email, sessionId: row.id }))
    const stored = { sessionId: row.id, userId: row.user_id, email: row.email, ...(await readCallerFacts(tx, tenantId)) }
    return { stored, then: then ? await then(stored, tx) : undefined }
  })
}

/** Logout: forgets the session the token belongs to (a system task, like the lookup). */
export async function endSession(db: Database, token: string): Promise<void> {
  await withService(db, (tx) => tx.query('delete from auth.local_sessions where token_hash = $1', [hashToken(token)]))
}
