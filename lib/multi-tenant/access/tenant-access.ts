import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { TENANT_COLUMNS, type TenantRow } from '@/lib/multi-tenant/tenants'
import { isUuid } from '@/lib/contracts/ids'

export function tenantNotFound(): AppError {
  return new AppError('not_found', 'No such tenant.')
}

export async function isPlatformAdmin(tx: Queryable): Promise<boolean> {
  const rows = await tx.query<{ yes: boolean }>('select app_private.is_platform_admin() as yes')
  return rows[0]?.yes === true
}

export type AdminAccess = { row: TenantRow; platformAdmin: boolean }

/**
 * Loads a tenant for an administrative action under RLS. A tenant the caller cannot see
 * is a 404 (never confirm another tenant exists); a member who is not its admin gets 403.
 */
export async function loadTenantForAdmin(tx: Queryable, id: string): Promise<AdminAccess> {
  if (!isUuid(id)) throw tenantNotFound()
  const rows = await tx.query<TenantRow & { platform_admin: boolean; tenant_admin: boolean }>(
    `select ${TENANT_COLUMNS},
            app_private.is_platform_admin() as platform_admin,
            app_private.is_tenant_member(id, 'admin') as tenant_admin
       from public.tenants where id = $1`,
    [id],
  )
  const found = rows[0]
  if (!found) throw tenantNotFound()
  const { platform_admin: platformAdmin, tenant_admin: tenantAdmin, ...row } = found
  if (!platformAdmin && !tenantAdmin) {
    throw new AppError('forbidden', "Only this tenant's admins and platform admins can do that.")
  }
  return { row, platformAdmin }
}
