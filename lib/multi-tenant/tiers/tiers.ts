import type { MemberUse, Tier, TierInput, TierList } from '@/lib/contracts/tiers'
import { isUuid } from '@/lib/contracts/ids'
import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/*
 * A tenant's tiers and each member's use of this month. Every statement runs under the
 * caller's claims: loadTenantForAdmin answers 404 / 403 first, RLS holds the same rule.
 */

type TierRow = {
  id: string
  name: string
  messages_per_month: string | number | null
  tokens_per_month: string | number | null
  members: string | number
  created_at: Date | string
}

const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value))

const toTier = (row: TierRow): Tier => ({
  id: row.id,
  name: row.name,
  messagesPerMonth: numberOrNull(row.messages_per_month),
  tokensPerMonth: numberOrNull(row.tokens_per_month),
  members: Number(row.members),
  createdAt: new Date(row.created_at).toISOString(),
})

const TIER_SELECT = `select t.id, t.name, t.messages_per_month, t.tokens_per_month, t.created_at,
  (select count(*) from public.tenant_users tu where tu.tenant_id = t.tenant_id and tu.tier_id = t.id) as members
  from public.tenant_member_tiers t`

export const tierNotFound = () => new AppError('not_found', 'No such tier in this tenant.')

async function readTier(tx: Queryable, tenantId: string, tierId: string): Promise<Tier> {
  const rows = await tx.query<TierRow>(`${TIER_SELECT} where t.tenant_id = $1 and t.id = $2`, [tenantId, tierId])
  if (!rows[0]) throw tierNotFound()
  return toTier(rows[0])
}

export async function listTiers(caller: Acting, tenantId: string): Promise<TierList> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const tiers = await tx.query<TierRow>(`${TIER_SELECT} where t.tenant_id = $1 order by lower(t.name)`, [tenantId])
    const members = await tx.query<{
      user_id: string
      email: string
      role: MemberUse['role']
      tier_id: string | null
      messages: string | number | null
      tokens: string | number | null
    }>(
      `select m.user_id, m.email, m.role, tu.tier_id, u.messages, u.tokens_in + u.tokens_out as tokens
         from app_private.tenant_member_list($1) m
         join public.tenant_users tu on tu.tenant_id = $1 and tu.user_id = m.user_id
         left join public.tenant_member_usage u on u.tenant_id = $1 and u.user_id = m.user_id and u.period = app_private.usage_period()
        order by m.email`,
      [tenantId],
    )
    const [{ period } = { period: '' }] = await tx.query<{ period: string }>('select app_private.usage_period()::text as period')
    return {
      tiers: tiers.map(toTier),
      members: members.map((row) => ({
        userId: row.user_id,
        email: row.email,
        role: row.role,
        tierId: row.tier_id,
        messages: Number(row.messages ?? 0),
        tokens: Number(row.tokens ?? 0),
      })),
      period,
    }
  })
}

const tierAfter = (input: TierInput) => ({
  name: input.name,
  messagesPerMonth: input.messagesPerMonth,
  tokensPerMonth: input.tokensPerMonth,
})

export async function createTier(caller: Acting, tenantId: string, input: TierInput): Promise<Tier> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const [row] = await tx.query<{ id: string }>(
      `insert into public.tenant_member_tiers (tenant_id, name, messages_per_month, tokens_per_month)
       values ($1, $2, $3, $4) returning id`,
      [tenantId, input.name, input.messagesPerMonth, input.tokensPerMonth],
    )
    if (!row) throw new AppError('forbidden', 'This tenant takes no new tiers.')
    await recordAudit(tx, { tenantId, action: 'tier.create', targetType: 'tier', targetId: row.id, after: tierAfter(input), ip: caller.ip })
    return readTier(tx, tenantId, row.id)
  })
}

export async function updateTier(caller: Acting, tenantId: string, tierId: string, input: TierInput): Promise<Tier> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(tierId)) throw tierNotFound()
    const before = await readTier(tx, tenantId, tierId)
    const updated = await tx.query(
      `update public.tenant_member_tiers set name = $3, messages_per_month = $4, tokens_per_month = $5
        where tenant_id = $1 and id = $2 returning id`,
      [tenantId, tierId, input.name, input.messagesPerMonth, input.tokensPerMonth],
    )
    if (updated.length === 0) throw tierNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'tier.update',
      targetType: 'tier',
      targetId: tierId,
      before: { name: before.name, messagesPerMonth: before.messagesPerMonth, tokensPerMonth: before.tokensPerMonth },
      after: tierAfter(input),
      ip: caller.ip,
    })
    return readTier(tx, tenantId, tierId)
  })
}

/** The tier's members are left without one (the foreign key sets it null). */
export async function deleteTier(caller: Acting, tenantId: string, tierId: string): Promise<void> {
  await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(tierId)) throw tierNotFound()
    const deleted = await tx.query<{ name: string }>(
      'delete from public.tenant_member_tiers where tenant_id = $1 and id = $2 returning name',
      [tenantId, tierId],
    )
    if (!deleted[0]) throw tierNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'tier.delete',
      targetType: 'tier',
      targetId: tierId,
      before: { name: deleted[0].name },
      ip: caller.ip,
    })
  })
}
