import type { Queryable } from '@/lib/db'
import type { BrandVoice, ElementalSignature, MaiaPersonality } from '@/lib/engine/voice'
import { AppError } from '@/lib/errors'
import type { Limits } from '@/lib/contracts/tenants'
import { TENANT_COLUMNS, toTenant, type TenantRow } from '@/lib/multi-tenant/tenants'
import type { TenantStatus } from '@/lib/contracts/tenants'

/** The tenant as the oracle needs it, read under the caller's RLS. */
export type OracleProfile = {
  tenantId: string
  name: string
  brandVoice: BrandVoice
  maiaPersonality: MaiaPersonality
  elementalSignature: ElementalSignature
  limits: Limits
  /** The text search configuration of the tenant's documents; the offline answer's fallback language. */
  contentLanguage: string
  status: TenantStatus
  publicAccess: boolean
  /** A member with role 'user' or more: may ask and keep a history. */
  canChat: boolean
  /** The claims make the caller a visitor of this (public, serving) tenant. */
  visiting: boolean
}

/** The draft personality of the dashboard's preview, replacing the stored one. */
export type VoiceDraft = {
  brandVoice: BrandVoice
  maiaPersonality: MaiaPersonality
  elementalSignature: ElementalSignature
}

export function tenantInactive(status: TenantStatus): AppError {
  const reason =
    status === 'cancelled' ? 'its account has been cancelled' : status === 'trial' ? 'its trial has ended' : 'its account is suspended'
  return new AppError('tenant_inactive', `This organisation's assistant is not available: ${reason}.`)
}

/**
 * Loads the tenant row the caller can see. Invisible (not a member, not a visitor of a
 * public tenant) is 404; a tenant that is not serving is 403 tenant_inactive.
 */
export async function loadOracleProfile(tx: Queryable, tenantId: string): Promise<OracleProfile> {
  const rows = await tx.query<TenantRow & { serving: boolean; can_chat: boolean; visiting: boolean }>(
    `select ${TENANT_COLUMNS},
            app_private.tenant_serving(status, trial_ends_at) as serving,
            app_private.is_tenant_member(id, 'user') as can_chat,
            id is not distinct from app_private.visitor_tenant_id() as visiting
       from public.tenants where id = $1`,
    [tenantId],
  )
  const row = rows[0]
  if (!row) throw new AppError('not_found', 'No such tenant.')
  if (row.serving !== true) throw tenantInactive(row.status)
  const tenant = toTenant(row)
  return {
    tenantId: tenant.id,
    name: tenant.name,
    brandVoice: tenant.brandVoice,
    maiaPersonality: tenant.maiaPersonality,
    elementalSignature: tenant.elementalSignature,
    limits: tenant.limits,
    contentLanguage: tenant.contentLanguage,
    status: tenant.status,
    publicAccess: tenant.publicAccess,
    canChat: row.can_chat === true,
    visiting: row.visiting === true,
  }
}
