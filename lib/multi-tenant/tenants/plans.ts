import { z } from 'zod'

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

const PLAN_DEFAULTS: Record<PlanTier, Limits> = {
  starter: { conversationsPerMonth: 1_000, tokensPerMonth: null, storageMb: 10 * 1024, members: null },
  professional: { conversationsPerMonth: 10_000, tokensPerMonth: null, storageMb: 50 * 1024, members: null },
  enterprise: { conversationsPerMonth: null, tokensPerMonth: null, storageMb: null, members: null },
}

export function planDefaults(tier: PlanTier): Limits {
  return { ...PLAN_DEFAULTS[tier] }
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

/** Reads stored limits defensively: a missing or malformed key falls back to the plan default. */
export function readLimits(stored: unknown, tier: PlanTier): Limits {
  const parsed = limitsOverrideSchema.loose().safeParse(stored)
  return mergeLimits(planDefaults(tier), parsed.success ? parsed.data : undefined)
}
