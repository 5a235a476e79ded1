import type { AdvisorSettings } from '@/lib/contracts/advisors'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/* The tenant's setting for personal advisors (tenants.allow_personal_advisors), kept by its admins. */

export async function readAdvisorSettings(caller: Acting, tenantId: string): Promise<AdvisorSettings> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const [row] = await tx.query<{ allow: boolean }>('select allow_personal_advisors as allow from public.tenants where id = $1', [
      tenantId,
    ])
    return { allowPersonalAdvisors: row?.allow === true }
  })
}

export async function updateAdvisorSettings(caller: Acting, tenantId: string, settings: AdvisorSettings): Promise<AdvisorSettings> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const [row] = await tx.query<{ allow: boolean }>(
      'update public.tenants set allow_personal_advisors = $2 where id = $1 returning allow_personal_advisors as allow',
      [tenantId, settings.allowPersonalAdvisors],
    )
    if (!row) throw new AppError('not_found', 'No such tenant.')
    await recordAudit(tx, {
      tenantId,
      action: 'tenant.update',
      targetType: 'tenant',
      targetId: tenantId,
      after: { allowPersonalAdvisors: row.allow },
      ip: caller.ip,
    })
    return { allowPersonalAdvisors: row.allow }
  })
}
