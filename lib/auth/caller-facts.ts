import type { Queryable } from '@/lib/db'

import type { TenantRole } from './roles'

export type { TenantRole }

export type CallerFacts = { isPlatformAdmin: boolean; tenantRole: TenantRole | null }

/**
 * The caller's platform-admin flag and role in `tenantId`, from the one SQL predicate
 * (app_private.caller_role). Runs inside the session lookup's own transaction, with the
 * session's claims already set, so knowing the caller costs no extra round trip.
 */
export async function readCallerFacts(tx: Queryable, tenantId: string | null): Promise<CallerFacts> {
  const rows = await tx.query<{ is_platform_admin: boolean; role: TenantRole | null }>(
    'select is_platform_admin, role from app_private.caller_facts($1)',
    [tenantId],
  )
  return { isPlatformAdmin: rows[0]?.is_platform_admin === true, tenantRole: rows[0]?.role ?? null }
}
