import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { StorageUsage } from '@/lib/contracts/knowledge'

/*
 * Storage is counted by triggers on tenant_knowledge (migration
 * 20261123003002_knowledge_storage_usage.sql): an insert that would pass
 * limits.storageMb raises SQLSTATE OR413, which this module turns into `storage_full`.
 */

export const STORAGE_FULL_SQLSTATE = 'OR413'

function isStorageFull(error: unknown): error is Error {
  return (error as { code?: unknown } | null)?.code === STORAGE_FULL_SQLSTATE
}

/** For `.catch()` around statements that insert knowledge. */
export function rethrowStorageFull(error: unknown): never {
  if (isStorageFull(error)) throw new AppError('storage_full', error.message, { cause: error })
  throw error
}

/**
 * The tenant's storage level (the latest month's row: each month starts from the level
 * of the one before) and its limit. Read under RLS: tenant admins and platform admins.
 */
export async function storageUsage(tx: Queryable, tenantId: string): Promise<StorageUsage> {
  const rows = await tx.query<{ used: number; limit_mb: number | null }>(
    `select coalesce((select u.storage_bytes from public.tenant_usage u
                       where u.tenant_id = t.id order by u.period desc limit 1), 0)::float8 as used,
            (app_private.effective_limits(t.limits, t.plan_tier) ->> 'storageMb')::float8 as limit_mb
       from public.tenants t where t.id = $1`,
    [tenantId],
  )
  const row = rows[0]
  if (!row) return { usedBytes: 0, limitBytes: null }
  return {
    usedBytes: Number(row.used),
    limitBytes: row.limit_mb === null ? null : Math.floor(Number(row.limit_mb) * 1024 * 1024),
  }
}
