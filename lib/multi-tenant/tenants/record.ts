import type { z } from 'zod'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'
import type { PlanTier, PrivacyLevel, Tenant, TenantStatus } from '@/lib/contracts/tenants'
import { readLimits } from './plans'

/** Columns every tenant query selects, in the order of TenantRow. */
export const TENANT_COLUMNS = `id, name, slug, domain, brand_voice, elemental_signature, maia_personality,
  plan_tier, app_private.effective_limits(limits, plan_tier) as limits, features, privacy_level, public_access, content_language, require_two_factor, idle_timeout_minutes, status, trial_ends_at, created_at, updated_at,
  app_private.tenant_effective_status(status, trial_ends_at) as effective_status`

export type TenantRow = {
  id: string
  name: string
  slug: string
  domain: string | null
  brand_voice: unknown
  elemental_signature: unknown
  maia_personality: unknown
  plan_tier: PlanTier
  limits: unknown
  features: unknown
  privacy_level: PrivacyLevel
  public_access: boolean
  content_language: string
  require_two_factor: boolean
  idle_timeout_minutes: number | null
  status: TenantStatus
  trial_ends_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  effective_status: TenantStatus
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}

// Rows written by older code or by hand may miss keys; the schemas' defaults complete them.
function complete<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : schema.parse({})
}

function readFeatures(value: unknown): Record<string, boolean> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'))
}

export function toTenant(row: TenantRow): Tenant {
  const trialEndsAt = row.trial_ends_at === null ? null : toDate(row.trial_ends_at)
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    domain: row.domain,
    brandVoice: complete(brandVoiceSchema, row.brand_voice),
    elementalSignature: complete(elementalSignatureSchema, row.elemental_signature),
    maiaPersonality: complete(maiaPersonalitySchema, row.maia_personality),
    planTier: row.plan_tier,
    limits: readLimits(row.limits),
    features: readFeatures(row.features),
    privacyLevel: row.privacy_level,
    publicAccess: row.public_access,
    contentLanguage: row.content_language,
    requireTwoFactor: row.require_two_factor,
    idleTimeoutMinutes: row.idle_timeout_minutes === null ? null : Number(row.idle_timeout_minutes),
    status: row.status,
    effectiveStatus: row.effective_status,
    trialEndsAt: trialEndsAt?.toISOString() ?? null,
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
  }
}
