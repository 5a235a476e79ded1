import { AppError } from '@/lib/errors'
import { getDatabase, withUser } from '@/lib/db'
import { now } from './clock'
import { authMode, type Session } from './index'
import type { AccountSession, Identity, Membership } from '@/lib/contracts/auth'
import { isUuid } from '@/lib/contracts/ids'

/** GET /api/auth/session: who I am and where I belong, read under my own claims. */
export async function loadIdentity(session: Session): Promise<Identity> {
  const rows = await withUser(await getDatabase(), session.claims, (tx) =>
    tx.query<{ tenant_id: string; slug: string; name: string; role: Membership['role'] }>(
      `select tu.tenant_id, t.slug, t.name, tu.role
       from public.tenant_users tu join public.tenants t on t.id = tu.tenant_id
       where tu.user_id = $1 order by t.name`,
      [session.userId],
    ),
  )
  return {
    user: { id: session.userId, email: session.email },
    isPlatformAdmin: session.isPlatformAdmin,
    memberships: rows.map((row) => ({ tenantId: row.tenant_id, slug: row.slug, name: row.name, role: row.role })),
  }
}

function localOnly(): void {
  if (authMode() !== 'local') {
    throw new AppError('bad_request', 'Supabase Auth does not list single sessions; use "sign out everywhere else" instead.')
  }
}

/** The caller's live sessions, newest first (RLS: only their own rows; token hashes are not readable). */
export async function listMySessions(session: Session): Promise<AccountSession[]> {
  localOnly()
  const rows = await withUser(await getDatabase(), session.claims, (tx) =>
    tx.query<{
      id: string
      user_agent: string | null
      ip: string | null
      host: string | null
      created_at: Date
      last_seen_at: Date
      expires_at: Date
    }>(
      `select id, user_agent, ip, host, created_at, last_seen_at, expires_at from auth.local_sessions
       where user_id = $1 and expires_at > $2::timestamptz order by created_at desc`,
      [session.userId, now()],
    ),
  )
  return rows.map((row) => ({
    id: row.id,
    current: row.id === session.sessionId,
    userAgent: row.user_agent,
    ip: row.ip,
    site: row.host,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  }))
}

/** Revokes one of the caller's sessions; another user's session id is a 404 like an unknown one. */
export async function revokeMySession(session: Session, sessionId: string): Promise<{ wasCurrent: boolean }> {
  localOnly()
  const notFound = new AppError('not_found', 'No such session.')
  if (!isUuid(sessionId)) throw notFound
  const rows = await withUser(await getDatabase(), session.claims, (tx) =>
    tx.query<{ id: string }>('delete from auth.local_sessions where id = $1 and user_id = $2 returning id', [sessionId, session.userId]),
  )
  if (rows.length === 0) throw notFound
  return { wasCurrent: sessionId === session.sessionId }
}

/** 409 while the caller is the last admin of a tenant (the SQL function names it). */
export async function deleteMyAccount(session: Session, ip: string | null): Promise<void> {
  await withUser(await getDatabase(), session.claims, (tx) => tx.query('select app_private.delete_my_account($1)', [ip]))
}
