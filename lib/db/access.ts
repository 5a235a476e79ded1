import { AppError } from '@/lib/errors'
import type { Claims, Database, Queryable } from './types'

/**
 * The three ways into the database. Role and claims are transaction-local
 * (`set_config(..., true)`), so nothing of one request survives into the next one
 * on a pooled connection or on PGlite's single session.
 */
async function becomeRole(tx: Queryable, role: 'authenticated' | 'anon', claims: Claims): Promise<void> {
  await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
    role,
    JSON.stringify({ ...claims, role }),
  ])
}

async function asRole<T>(db: Database, role: 'authenticated' | 'anon', claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await becomeRole(tx, role, claims)
    return fn(tx)
  })
}

/**
 * Turns a system transaction into a signed-in user's from here on (RLS applies): for a
 * lookup that has just established who the user is and continues as them.
 */
export async function becomeUser(tx: Queryable, claims: Claims): Promise<void> {
  if (!claims.sub) throw new AppError('unauthorized', 'Sign in to continue.')
  await becomeRole(tx, 'authenticated', claims)
}

/** A signed-in user's request: RLS applies as `authenticated` with these claims. */
export async function withUser<T>(db: Database, claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  if (!claims.sub) throw new AppError('unauthorized', 'Sign in to continue.')
  return asRole(db, 'authenticated', claims, fn)
}

/** A visitor of a public tenant: RLS applies as `anon`; the server puts tenant_id in the claims. */
export function withAnon<T>(db: Database, claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const { sub: _ignored, ...rest } = claims
  return asRole(db, 'anon', rest, fn)
}

/**
 * A tenant API key's request: RLS applies as `anon` with claims that carry only the
 * SHA-256 of the key's secret. The database looks the key up itself
 * (`app_private.api_key_tenant_id`, migration 20261203009000) to learn its tenant and
 * scopes; nothing else in the claims names a tenant.
 */
export function withApiKey<T>(
  db: Database,
  secretHash: string,
  fn: (tx: Queryable) => Promise<T>,
  endUserSessionHash?: string,
): Promise<T> {
  const claims = endUserSessionHash ? { api_key_hash: secretHash, end_user_session_hash: endUserSessionHash } : { api_key_hash: secretHash }
  return asRole(db, 'anon', claims, fn)
}

/**
 * An end user of a tenant's site (the widget, or a key's call naming a verified user):
 * RLS applies as `anon` with claims that carry only the SHA-256 of a session token the
 * server opened (`app_private.open_end_user_session`, migration 20261204040000); the
 * database finds the tenant and end user itself.
 */
export function withEndUser<T>(db: Database, sessionHash: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return asRole(db, 'anon', { end_user_session_hash: sessionHash }, fn)
}

/**
 * Runs `fn` as the server inside a user's or visitor's transaction: the database role
 * goes back to the connection's own, which is what SQL trusts (`app_private.
 * is_server_call`, and the execute grants of the counting and audit functions); the
 * claims stay, so an audit row still names who acted. For the app's own bookkeeping
 * (usage counters, audit rows), never to read tenant data. `fn` runs statements only:
 * a failed one aborts the transaction, and with it this switch.
 */
export async function asServer<T>(tx: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  // One round trip: the role is read in the CTE's scan before the outer list switches it.
  const [before] = await tx.query<{ role: string }>(
    "with before as materialized (select current_setting('role') as role) select role, set_config('role', 'none', true) from before",
  )
  const result = await fn(tx)
  await tx.query("select set_config('role', $1, true)", [before?.role ?? 'none'])
  return result
}

/**
 * Bypasses RLS. Only for migrations, the CLI, seeding and tightly scoped system tasks
 * (host-to-tenant resolution, session lookup); never to read tenant data for a request.
 */
export function withService<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(fn)
}
