import { getDatabase, withService, type Queryable } from '@/lib/db'
import { PLAN_TIERS, limitsSchema, type Limits, type LimitsOverride, type Plan, type PlanTier } from '@/lib/contracts/tenants'

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

/** Every plan with its defaults, for the console's plan picker: constant, no tenant's data, so the system reads it. */
export async function listPlans(): Promise<Plan[]> {
  const db = await getDatabase()
  const rows = await withService(db, (tx) =>
    tx.query<{ tier: PlanTier; limits: unknown }>(
      'select t.tier, app_private.plan_default_limits(t.tier) as limits from unnest($1::text[]) with ordinality t(tier, position) order by t.position',
      [PLAN_TIERS],
    ),
  )
  return rows.map((row) => ({ tier: row.tier, defaults: limitsSchema.parse(row.limits) }))
}
