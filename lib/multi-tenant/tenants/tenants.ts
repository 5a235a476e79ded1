import { config } from '@/lib/env'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { mergeLimits, planDefaults } from './plans'
import { isPlatformAdmin, loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { invalidateTenantRoutes } from './directory'
import { TENANT_COLUMNS, toTenant, type TenantRow } from './record'
import type { Tenant } from '@/lib/contracts/tenants'
import { createdPrivacyLevel, type TenantCreateInput } from '@/lib/contracts/tenants'
import { assertDomainOffPlatform, defaultTrialEnd, rethrowTenantConflict } from './write-rules'

export { deleteTenant } from './delete'
export { updateTenant } from './update'

/** Platform admins see every tenant; anyone else the tenants they administer (members who are not admins: none). */
export async function listTenants(caller: Acting): Promise<Tenant[]> {
  const rows = await caller.run((tx) =>
    tx.query<TenantRow>(
      `select ${TENANT_COLUMNS} from public.tenants
        where app_private.is_platform_admin()
           or id = any (array(select app_private.member_tenant_ids('admin')))
        order by name, id`,
    ),
  )
  return rows.map((row) => toTenant(row))
}

export async function getTenant(caller: Acting, id: string): Promise<Tenant> {
  const { row } = await caller.run((tx) => loadTenantForAdmin(tx, id))
  return toTenant(row)
}

/** Plan tier sets the default limits; an explicit `limits` override wins key by key. */
export async function createTenant(caller: Acting, input: TenantCreateInput): Promise<Tenant> {
  assertDomainOffPlatform(input.domain, config().PLATFORM_DOMAIN)
  const trialEndsAt = input.trialEndsAt ?? (input.status === 'trial' ? defaultTrialEnd() : null)
  const tenant = await caller.run(async (tx) => {
    if (!(await isPlatformAdmin(tx))) throw new AppError('forbidden', 'Only a platform admin can create tenants.')
    const limits = mergeLimits(await planDefaults(tx, input.planTier), input.limits)
    // JSON goes in as text and is cast in SQL, the one encoding both drivers agree on.
    const rows = await tx
      .query<TenantRow>(
        `insert into public.tenants (name, slug, domain, brand_voice, elemental_signature, maia_personality,
           plan_tier, limits, features, status, trial_ends_at, privacy_level)
         values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8::text::jsonb, $9::text::jsonb, $10, $11, $12)
         returning ${TENANT_COLUMNS}`,
        [
          input.name,
          input.slug,
          input.domain ?? null,
          JSON.stringify(input.brandVoice),
          JSON.stringify(input.elementalSignature),
          JSON.stringify(input.maiaPersonality),
          input.planTier,
          JSON.stringify(limits),
          JSON.stringify(input.features),
          input.status,
          trialEndsAt,
          createdPrivacyLevel(input),
        ],
      )
      .catch(rethrowTenantConflict)
    const created = toTenant(rows[0] as TenantRow)
    await recordAudit(tx, {
      tenantId: created.id,
      action: 'tenant.create',
      targetType: 'tenant',
      targetId: created.id,
      after: {
        name: created.name,
        slug: created.slug,
        domain: created.domain,
        planTier: created.planTier,
        status: created.status,
        privacyLevel: created.privacyLevel,
      },
      ip: caller.ip,
    })
    return created
  })
  // A host or slug looked up before the tenant existed is cached as unknown.
  invalidateTenantRoutes()
  return tenant
}
