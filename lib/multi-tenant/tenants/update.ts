import { config } from '@/lib/env'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import type { AuditAction } from '@/lib/contracts/audit'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { mergeLimits, planDefaults } from './plans'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { invalidateTenantRoutes } from './directory'
import { TENANT_COLUMNS, toTenant, type TenantRow } from './record'
import type { Limits, PrivacyLevel, Tenant } from '@/lib/contracts/tenants'
import type { TenantUpdateInput } from '@/lib/contracts/tenants'
import { assertDomainOffPlatform, assertOwnSecondFactor, defaultTrialEnd, rethrowTenantConflict } from './write-rules'

// publicAccess is read as a privacy level (requestedLevel); the database generates the column from it.
type Field = Exclude<keyof TenantUpdateInput, 'publicAccess'>

// Each API field, its column, how its value is sent (JSON as text, see recordAudit), and which audit action records it.
const FIELDS: Record<Field, { column: string; cast: '' | '::text::jsonb'; action: AuditAction; platformOnly: boolean }> = {
  name: { column: 'name', cast: '', action: 'tenant.update', platformOnly: false },
  slug: { column: 'slug', cast: '', action: 'tenant.update', platformOnly: true },
  domain: { column: 'domain', cast: '', action: 'tenant.update', platformOnly: true },
  status: { column: 'status', cast: '', action: 'tenant.update', platformOnly: true },
  trialEndsAt: { column: 'trial_ends_at', cast: '', action: 'tenant.update', platformOnly: true },
  privacyLevel: { column: 'privacy_level', cast: '', action: 'tenant.update', platformOnly: false },
  contentLanguage: { column: 'content_language', cast: '', action: 'tenant.update', platformOnly: false },
  requireTwoFactor: { column: 'require_two_factor', cast: '', action: 'tenant.update', platformOnly: false },
  idleTimeoutMinutes: { column: 'idle_timeout_minutes', cast: '', action: 'tenant.update', platformOnly: false },
  brandVoice: { column: 'brand_voice', cast: '::text::jsonb', action: 'personality.update', platformOnly: false },
  elementalSignature: { column: 'elemental_signature', cast: '::text::jsonb', action: 'personality.update', platformOnly: false },
  maiaPersonality: { column: 'maia_personality', cast: '::text::jsonb', action: 'personality.update', platformOnly: false },
  planTier: { column: 'plan_tier', cast: '', action: 'plan.update', platformOnly: true },
  limits: { column: 'limits', cast: '::text::jsonb', action: 'plan.update', platformOnly: true },
  features: { column: 'features', cast: '::text::jsonb', action: 'plan.update', platformOnly: true },
}

type Comparable = Omit<Tenant, 'trialEndsAt'> & { trialEndsAt: string | null }

/** Older clients send publicAccess: true is public; false leaves public for members and keeps members or restricted. */
function requestedLevel(current: Tenant, input: TenantUpdateInput): PrivacyLevel {
  if (input.privacyLevel) return input.privacyLevel
  if (input.publicAccess === undefined) return current.privacyLevel
  if (input.publicAccess) return 'public'
  return current.privacyLevel === 'public' ? 'members' : current.privacyLevel
}

/** The tenant as it would be after the update, in API shape, so changes can be compared field by field. */
function applyUpdate(current: Tenant, input: TenantUpdateInput, base: Limits): Comparable {
  const planTier = input.planTier ?? current.planTier
  const status = input.status ?? current.status
  const privacyLevel = requestedLevel(current, input)
  let trialEndsAt = input.trialEndsAt === undefined ? current.trialEndsAt : (input.trialEndsAt?.toISOString() ?? null)
  if (status === 'trial' && trialEndsAt === null && current.status !== 'trial') trialEndsAt = defaultTrialEnd().toISOString()
  return {
    ...current,
    name: input.name ?? current.name,
    slug: input.slug ?? current.slug,
    domain: input.domain === undefined ? current.domain : input.domain,
    status,
    trialEndsAt,
    privacyLevel,
    publicAccess: privacyLevel === 'public',
    contentLanguage: input.contentLanguage ?? current.contentLanguage,
    requireTwoFactor: input.requireTwoFactor ?? current.requireTwoFactor,
    idleTimeoutMinutes: input.idleTimeoutMinutes === undefined ? current.idleTimeoutMinutes : input.idleTimeoutMinutes,
    brandVoice: input.brandVoice ?? current.brandVoice,
    elementalSignature: input.elementalSignature ?? current.elementalSignature,
    maiaPersonality: input.maiaPersonality ?? current.maiaPersonality,
    planTier,
    limits: mergeLimits(base, input.limits),
    features: input.features ?? current.features,
  }
}

// jsonb stores object keys in its own order, so values compare with keys sorted.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

function changedFields(current: Tenant, next: Comparable): Field[] {
  return (Object.keys(FIELDS) as Field[]).filter((field) => canonical(current[field]) !== canonical(next[field]))
}

function sqlValue(field: Field, next: Comparable): unknown {
  return FIELDS[field].cast !== '' ? JSON.stringify(next[field]) : next[field]
}

/**
 * Changes the fields the caller names. Tenant admins may change name, voice, personality,
 * elemental signature and the privacy level (restricted only once the platform granted it:
 * the database's rule, 403); plan, limits, features, status, trial end, slug
 * and domain are the platform's (403 here; the database trigger is the backstop).
 * Each group of changes writes its own audit row with the before and after of what changed.
 */
export async function updateTenant(caller: Acting, id: string, input: TenantUpdateInput): Promise<Tenant> {
  const result = await caller.run(async (tx) => {
    const { row, platformAdmin } = await loadTenantForAdmin(tx, id)
    const current = toTenant(row)
    const planTier = input.planTier ?? current.planTier
    // A new plan starts from its own defaults; otherwise an override adjusts the current limits.
    const base = planTier !== current.planTier ? await planDefaults(tx, planTier) : current.limits
    const next = applyUpdate(current, input, base)
    const changed = changedFields(current, next)
    const forbidden = changed.filter((field) => FIELDS[field].platformOnly)
    if (!platformAdmin && forbidden.length > 0) {
      throw new AppError('forbidden', `Only a platform admin can change ${forbidden.join(', ')}. Ask the platform for a plan change.`, {
        details: { fields: Object.fromEntries(forbidden.map((field) => [field, 'only a platform admin can change this'])) },
      })
    }
    if (changed.length === 0) return { tenant: current, changed }
    if (changed.includes('domain')) assertDomainOffPlatform(next.domain, config().PLATFORM_DOMAIN)
    if (next.requireTwoFactor && changed.includes('requireTwoFactor') && !platformAdmin) await assertOwnSecondFactor(tx)

    const assignments = changed.map((field, i) => `${FIELDS[field].column} = $${i + 2}${FIELDS[field].cast}`)
    const rows = await tx
      .query<TenantRow>(`update public.tenants set ${assignments.join(', ')} where id = $1 returning ${TENANT_COLUMNS}`, [
        id,
        ...changed.map((field) => sqlValue(field, next)),
      ])
      .catch(rethrowTenantConflict)
    const updated = rows[0]
    if (!updated) throw new AppError('not_found', 'No such tenant.')

    const actions = [...new Set(changed.map((field) => FIELDS[field].action))]
    for (const action of actions) {
      const fields = changed.filter((field) => FIELDS[field].action === action)
      await recordAudit(tx, {
        tenantId: id,
        action,
        targetType: 'tenant',
        targetId: id,
        before: Object.fromEntries(fields.map((field) => [field, current[field]])),
        after: Object.fromEntries(fields.map((field) => [field, next[field]])),
        ip: caller.ip,
      })
    }
    return { tenant: toTenant(updated), changed }
  })
  if (result.changed.length > 0) invalidateTenantRoutes()
  return result.tenant
}
