import { z } from 'zod'
import { getDatabase, withService, type Queryable } from '@/lib/db'

export const PLAN_TIERS = ['starter', 'professional', 'enterprise'] as const
export type PlanTier = (typeof PLAN_TIERS)[number]
export const planTierSchema = z.enum(PLAN_TIERS)

/** Monthly and absolute ceilings of a tenant; null = unlimited. */
export type Limits = {
  conversationsPerMonth: number | null
  tokensPerMonth: number | null
  storageMb: number | null
  members: number | null
}

const limitValue = z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).nullable()

/** A platform admin's override: any subset of the limits; null sets a limit to unlimited. */
export const limitsOverrideSchema = z.strictObject({
  conversationsPerMonth: limitValue.optional(),
  tokensPerMonth: limitValue.optional(),
  storageMb: limitValue.optional(),
  members: limitValue.optional(),
})
export type LimitsOverride = z.infer<typeof limitsOverrideSchema>

const limitsSchema = z.strictObject({
  conversationsPerMonth: limitValue,
  tokensPerMonth: limitValue,
  storageMb: limitValue,
  members: limitValue,
}) satisfies z.ZodType<Limits>

/** A plan's default limits, read from their one owner, app_private.plan_default_limits. */
export async function planDefaults(tx: Queryable, tier: PlanTier): Promise<Limits> {
  const rows = await tx.query<{ limits: unknown }>('select app_private.plan_default_limits($1) as limits', [tier])
  return limitsSchema.parse(rows[0]?.limits)
}

/** Later sources win key by key; a key absent from an override keeps the earlier value. */
export function mergeLimits(base: Limits, override: LimitsOverride | undefined): Limits {
  const merged = { ...base }
  if (!override) return merged
  for (const key of Object.keys(merged) as (keyof Limits)[]) {
    const value = override[key]
    if (value !== undefined) merged[key] = value
  }
  return merged
}

/** A tenant's limits as app_private.effective_limits resolved them (every key present). */
export function readLimits(resolved: unknown): Limits {
  return limitsSchema.parse(resolved)
}

export type Plan = { tier: PlanTier; defaults: Limits }

/** Every plan with its defaults, for the console's plan picker: constant, no tenant's data, so the system reads it. */
export async function listPlans(): Promise<Plan[]> {
  const db = await getDatabase()
  return withService(db, (tx) => Promise.all(PLAN_TIERS.map(async (tier) => ({ tier, defaults: await planDefaults(tx, tier) }))))
}
