import { isUuid } from '@/lib/contracts/ids'
import type { WidgetOrigin } from '@/lib/contracts/widget'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/*
 * The origins allowed to embed a tenant's widget, kept by its admins (and platform
 * admins) under their own RLS, each change audited. The shape of an origin is the
 * table's check; the contract normalises what was typed before it gets there.
 */

type OriginRow = { id: string; origin: string; created_at: Date | string }

const toOrigin = (row: OriginRow): WidgetOrigin => ({
  id: String(row.id),
  origin: row.origin,
  createdAt: new Date(row.created_at).toISOString(),
})

const originNotFound = () => new AppError('not_found', 'No such allowed origin in this tenant.')

export async function listWidgetOrigins(caller: Acting, tenantId: string): Promise<{ origins: WidgetOrigin[] }> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<OriginRow>(
      'select id, origin, created_at from public.tenant_widget_origins where tenant_id = $1 order by origin',
      [tenantId],
    )
    return { origins: rows.map(toOrigin) }
  })
}

/** Allows one more origin (already normalised by the contract); the same origin twice is 409. */
export async function addWidgetOrigin(caller: Acting, tenantId: string, origin: string): Promise<WidgetOrigin> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const existing = await tx.query('select 1 from public.tenant_widget_origins where tenant_id = $1 and origin = $2', [tenantId, origin])
    if (existing.length > 0) throw new AppError('conflict', `${origin} is already allowed.`)
    const rows = await tx.query<OriginRow>(
      `insert into public.tenant_widget_origins (tenant_id, origin, created_by) values ($1, $2, $3)
       returning id, origin, created_at`,
      [tenantId, origin, caller.session?.userId ?? null],
    )
    const row = rows[0]
    if (!row) throw new AppError('internal', 'The origin was not stored.')
    await recordAudit(tx, {
      tenantId,
      action: 'widget_origin.add',
      targetType: 'widget_origin',
      targetId: String(row.id),
      after: { origin },
      ip: caller.ip,
    })
    return toOrigin(row)
  })
}

export async function removeWidgetOrigin(caller: Acting, tenantId: string, originId: string): Promise<void> {
  await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(originId)) throw originNotFound()
    const rows = await tx.query<{ origin: string }>(
      'delete from public.tenant_widget_origins where tenant_id = $1 and id = $2 returning origin',
      [tenantId, originId],
    )
    const removed = rows[0]
    if (!removed) throw originNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'widget_origin.remove',
      targetType: 'widget_origin',
      targetId: originId,
      before: { origin: removed.origin },
      ip: caller.ip,
    })
  })
}
