import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { invalidateTenantRoutes } from './directory'

/**
 * Deletes a tenant and everything it owns (the foreign keys cascade), then its audit chain,
 * leaving one row in the platform's own chain as the record of the deletion. Platform
 * admins only; `confirm` must repeat the tenant's slug so a wrong id cannot wipe a tenant.
 */
export async function deleteTenant(caller: Acting, id: string, confirm: string): Promise<void> {
  await caller.run(async (tx) => {
    const { row, platformAdmin } = await loadTenantForAdmin(tx, id)
    if (!platformAdmin) throw new AppError('forbidden', 'Only a platform admin can delete a tenant.')
    if (confirm !== row.slug) {
      throw new AppError('bad_request', "The confirmation does not match the tenant's slug.", {
        details: { fields: { confirm: `type the tenant's slug (${row.slug}) to confirm` } },
      })
    }
    await tx.query('delete from public.tenants where id = $1', [id])
    await tx.query('select app_private.purge_tenant_audit($1)', [id])
    await recordAudit(tx, {
      tenantId: null,
      action: 'tenant.delete',
      targetType: 'tenant',
      targetId: id,
      before: { name: row.name, slug: row.slug, domain: row.domain, planTier: row.plan_tier },
      ip: caller.ip,
    })
  })
  invalidateTenantRoutes()
}
