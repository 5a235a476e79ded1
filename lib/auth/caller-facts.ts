import type { Queryable } from '@/lib/db'

import type { TenantRole } from './roles'

export type { TenantRole }

/**
 * `twoFactorNeeded`: why the caller is let in only with two-factor sign-in, which they
 * lack: 'tenant' (that tenant requires it of its members), 'platform' (platform admins
 * must). Until then SQL counts them as neither member nor platform admin.
 */
export type CallerFacts = { isPlatformAdmin: boolean; tenantRole: TenantRole | null; twoFactorNeeded: 'tenant' | 'platform' | null }

/**
 * The caller's platform-admin flag and role in `tenantId`, from the one SQL predicate
 * (app_private.caller_role). Runs inside the session lookup's own transaction, with the
 * session's claims already set, so knowing the caller costs no extra round trip.
 */
export async function readCallerFacts(tx: Queryable, tenantId: string | null): Promise<CallerFacts> {
  const rows = await tx.query<{ is_platform_admin: boolean; role: TenantRole | null; two_factor_needed: 'tenant' | 'platform' | null }>(
    'select is_platform_admin, role, two_factor_needed from app_private.caller_facts($1)',
    [tenantId],
  )
  const row = rows[0]
  return {
    isPlatformAdmin: row?.is_platform_admin === true,
    tenantRole: row?.role ?? null,
    twoFactorNeeded: row?.two_factor_needed ?? null,
  }
}
