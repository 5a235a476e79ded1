import type { Element } from '@/lib/engine/elements'
import type { Limits } from '@/lib/contracts/tenants'
import type { PeriodUsage, UsageReport } from '@/lib/contracts/usage'
import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting, type TransactionScope } from '@/lib/multi-tenant/access'
import { TENANT_COLUMNS, toTenant, type TenantRow } from '@/lib/multi-tenant/tenants'

type PeriodRow = {
  period: string
  conversations: number
  messages: number
  tokens: string | number
  tokens_reserved: string | number
  storage_bytes: string | number
}

const PAST_PERIODS = 12
const DAYS = 30

function percent(used: number, limit: number | null): number | null {
  if (limit === null) return null
  if (limit === 0) return used > 0 ? 100 : 0
  return Math.round((used / limit) * 1000) / 10
}

function toPeriod(row: PeriodRow): PeriodUsage {
  return {
    period: row.period,
    conversations: Number(row.conversations),
    messages: Number(row.messages),
    tokens: Number(row.tokens),
    storageBytes: Number(row.storage_bytes),
  }
}

/** A tenant's usage for its admins and platform admins (404 for anyone who cannot see the tenant, 403 for other members). */
export async function getUsageReport(caller: Acting, tenantId: string): Promise<UsageReport> {
  return caller.run(async (tx) => {
    const { row } = await loadTenantForAdmin(tx, tenantId)
    return usageReport(tx, tenantId, toTenant(row).limits)
  })
}

/**
 * The same report for a tenant API key with `usage:read` (the public API), in the key's
 * transaction: RLS shows the key its own tenant's row and counters, and nothing else.
 */
export async function getUsageReportAsKey(run: TransactionScope, tenantId: string): Promise<UsageReport> {
  return run(async (tx) => {
    const [row] = await tx.query<TenantRow>(`select ${TENANT_COLUMNS} from public.tenants where id = $1`, [tenantId])
    if (!row) throw new AppError('not_found', 'No such tenant.')
    return usageReport(tx, tenantId, toTenant(row).limits)
  })
}

async function usageReport(tx: Queryable, tenantId: string, limits: Limits): Promise<UsageReport> {
  const periodRows = await tx.query<{ period: string }>('select app_private.usage_period()::text as period')
  const period = periodRows[0]?.period ?? ''
  const months = await tx.query<PeriodRow>(
    `select period::text as period, conversations, messages, tokens_in + tokens_out as tokens, tokens_reserved, storage_bytes
         from public.tenant_usage
        where tenant_id = $1 and period <= $2::date
        order by period desc
        limit $3`,
    [tenantId, period, PAST_PERIODS + 1],
  )
  const daily = await tx.query<{
    day: string
    conversations: number
    messages: number
    tokens: string | number
    element_counts: unknown
  }>(
    `select d.day::text as day, coalesce(u.conversations, 0) as conversations, coalesce(u.messages, 0) as messages,
              coalesce(u.tokens, 0) as tokens, coalesce(u.element_counts, '{}'::jsonb) as element_counts
         from (select (app_private.usage_day() - offs) as day from generate_series(0, $2::int - 1) as offs) d
         left join public.tenant_usage_daily u on u.tenant_id = $1 and u.day = d.day
        order by d.day`,
    [tenantId, DAYS],
  )
  const currentRow = months[0]?.period === period ? months[0] : undefined
  const past = months
    .filter((month) => month.period !== period)
    .slice(0, PAST_PERIODS)
    .map(toPeriod)
  // Storage is a level carried from month to month: without a row this month, the latest one holds.
  const storageBytes = Number(currentRow?.storage_bytes ?? months[0]?.storage_bytes ?? 0)
  const current = currentRow
    ? { ...toPeriod(currentRow), storageBytes }
    : { period, conversations: 0, messages: 0, tokens: 0, storageBytes }
  return {
    current: {
      ...current,
      tokensReserved: Number(currentRow?.tokens_reserved ?? 0),
      limits,
      percentUsed: {
        conversations: percent(current.conversations, limits.conversationsPerMonth),
        tokens: percent(current.tokens, limits.tokensPerMonth),
        storage: percent(storageBytes, limits.storageMb === null ? null : limits.storageMb * 1024 * 1024),
      },
    },
    periods: past,
    daily: daily.map((day) => ({
      day: day.day,
      conversations: Number(day.conversations),
      messages: Number(day.messages),
      tokens: Number(day.tokens),
      elementCounts: (day.element_counts ?? {}) as Partial<Record<Element, number>>,
    })),
  }
}
