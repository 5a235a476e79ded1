import type { Queryable } from '@/lib/db'

/* The two-factor rows of one user (migration 20261203009100). Written by the server only. */

export type StoredFactor = { sealed: string; enabled: boolean; lastUsedStep: number | null }

export async function readFactor(tx: Queryable, userId: string): Promise<StoredFactor | null> {
  const rows = await tx.query<{ secret_ciphertext: string; enabled: boolean; last_used_step: string | number | null }>(
    'select secret_ciphertext, enabled_at is not null as enabled, last_used_step from public.user_two_factor where user_id = $1',
    [userId],
  )
  const row = rows[0]
  if (!row) return null
  return {
    sealed: row.secret_ciphertext,
    enabled: row.enabled,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
  }
}

/** A new seed waiting for its first code; false when two-factor sign-in is on already. */
export async function savePendingFactor(tx: Queryable, userId: string, sealed: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `insert into public.user_two_factor as f (user_id, secret_ciphertext, created_at, updated_at) values ($1, $2, $3, $3)
     on conflict (user_id) do update set secret_ciphertext = excluded.secret_ciphertext, created_at = $3, updated_at = $3
       where f.enabled_at is null
     returning 1`,
    [userId, sealed, at],
  )
  return rows.length > 0
}

/** Turns a pending seed on with the step of the code that proved it; false when nothing was pending. */
export async function enableFactor(tx: Queryable, userId: string, sealed: string, step: number, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `update public.user_two_factor set enabled_at = $4, last_used_step = $3, updated_at = $4
     where user_id = $1 and secret_ciphertext = $2 and enabled_at is null returning 1`,
    [userId, sealed, step, at],
  )
  return rows.length > 0
}

/**
 * Records `step` as used. The condition makes two requests with the same code (or an
 * older one) race safely: only one of them moves the step forward.
 */
export async function acceptStep(tx: Queryable, userId: string, step: number, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `update public.user_two_factor set last_used_step = $2, updated_at = $3
     where user_id = $1 and enabled_at is not null and (last_used_step is null or last_used_step < $2) returning 1`,
    [userId, step, at],
  )
  return rows.length > 0
}

export async function replaceRecoveryCodes(tx: Queryable, userId: string, hashes: string[], at: Date): Promise<void> {
  await tx.query('delete from public.user_recovery_codes where user_id = $1', [userId])
  await tx.query('insert into public.user_recovery_codes (user_id, code_hash, created_at) select $1, unnest($2::text[]), $3', [
    userId,
    hashes,
    at,
  ])
}

/** Spends a recovery code: true once per code. */
export async function useRecoveryCode(tx: Queryable, userId: string, hash: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    `update public.user_recovery_codes set used_at = $3
     where user_id = $1 and code_hash = $2 and used_at is null returning 1`,
    [userId, hash, at],
  )
  return rows.length > 0
}

export async function deleteFactor(tx: Queryable, userId: string): Promise<void> {
  await tx.query('delete from public.user_recovery_codes where user_id = $1', [userId])
  await tx.query('delete from public.user_two_factor where user_id = $1', [userId])
}

/** Read as the user (RLS): only their own rows, and only the columns granted to them. */
export async function readOwnStatus(
  tx: Queryable,
  userId: string,
): Promise<{ enabled: boolean; pending: boolean; recoveryCodesLeft: number }> {
  const rows = await tx.query<{ enabled: boolean | null; left: number }>(
    `select (select enabled_at is not null from public.user_two_factor where user_id = $1) as enabled,
       (select count(*)::int from public.user_recovery_codes where user_id = $1 and used_at is null) as left`,
    [userId],
  )
  const row = rows[0]
  return { enabled: row?.enabled === true, pending: row?.enabled === false, recoveryCodesLeft: Number(row?.left ?? 0) }
}
