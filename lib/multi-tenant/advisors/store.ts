import type { Queryable } from '@/lib/db'
import type { Advisor, AdvisorInput, AdvisorPersonality } from '@/lib/contracts/advisors'
import { ADVISOR_ROLES } from '@/lib/contracts/advisors'
import { AppError } from '@/lib/errors'

/*
 * The statements behind advisors, in the caller's transaction: RLS (20261206030300) decides
 * which advisors a caller sees (those they may use) and changes (those they keep).
 */

type Role = (typeof ADVISOR_ROLES)[number]

type AdvisorRow = {
  id: string
  name: string
  color: string | null
  personality: AdvisorPersonality
  starter_questions: string[]
  visible_to_all: boolean
  visible_roles: Role[]
  owner_id: string | null
  collection_ids: string[] | null
  group_ids: string[] | null
  user_ids: string[] | null
  may_edit: boolean
  created_at: Date | string
  updated_at: Date | string
}

const ADVISOR_COLUMNS = `a.id, a.name, a.color, a.personality, a.starter_questions, a.visible_to_all, a.visible_roles, a.owner_id,
  a.created_at, a.updated_at, app_private.manages_advisor(a.tenant_id, a.id) as may_edit,
  array(select x.collection_id from public.tenant_advisor_collections x where x.advisor_id = a.id order by x.collection_id) as collection_ids,
  array(select x.group_id from public.tenant_advisor_groups x where x.advisor_id = a.id order by x.group_id) as group_ids,
  array(select x.user_id from public.tenant_advisor_members x where x.advisor_id = a.id order by x.user_id) as user_ids`

const ids = (values: string[] | null) => (values ?? []).map(String)

function toAdvisor(row: AdvisorRow): Advisor {
  return {
    id: String(row.id),
    name: row.name,
    color: row.color,
    personality: row.personality ?? {},
    collectionIds: ids(row.collection_ids),
    starterQuestions: row.starter_questions ?? [],
    visibility: { all: row.visible_to_all, roles: row.visible_roles ?? [], groupIds: ids(row.group_ids), userIds: ids(row.user_ids) },
    personal: row.owner_id !== null,
    mayEdit: row.may_edit === true,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export const advisorNotFound = () => new AppError('not_found', 'No such advisor.')

export async function selectAdvisors(tx: Queryable, tenantId: string, id: string | null = null): Promise<Advisor[]> {
  const rows = await tx.query<AdvisorRow>(
    `select ${ADVISOR_COLUMNS} from public.tenant_advisors a
      where a.tenant_id = $1 and ($2::uuid is null or a.id = $2) order by a.owner_id nulls first, lower(a.name), a.id`,
    [tenantId, id],
  )
  return rows.map(toAdvisor)
}

/** 404 unless each id is one of the tenant's (collections, groups, members): never another tenant's. */
async function assertAllKnown(tx: Queryable, sql: string, tenantId: string, values: string[], what: string): Promise<void> {
  if (values.length === 0) return
  const [row] = await tx.query<{ n: number }>(sql, [tenantId, [...new Set(values)]])
  if (Number(row?.n) !== new Set(values).size) throw new AppError('not_found', `No such ${what} in this tenant.`)
}

export async function checkReferences(tx: Queryable, tenantId: string, input: AdvisorInput): Promise<void> {
  await assertAllKnown(
    tx,
    'select count(*)::int as n from public.tenant_collections where tenant_id = $1 and id = any ($2::uuid[])',
    tenantId,
    input.collectionIds,
    'collection',
  )
  await assertAllKnown(
    tx,
    'select count(*)::int as n from public.tenant_groups where tenant_id = $1 and id = any ($2::uuid[])',
    tenantId,
    input.visibility.groupIds ?? [],
    'group',
  )
  await assertAllKnown(
    tx,
    'select count(*)::int as n from public.tenant_users where tenant_id = $1 and user_id = any ($2::uuid[])',
    tenantId,
    input.visibility.userIds ?? [],
    'member',
  )
}

export async function writeAdvisor(
  tx: Queryable,
  tenantId: string,
  input: AdvisorInput,
  id: string | null,
  personal: boolean,
): Promise<string> {
  const values = [
    tenantId,
    input.name,
    input.color ?? null,
    JSON.stringify(input.personality ?? {}),
    input.starterQuestions ?? [],
    input.visibility.all ?? false,
    [...new Set(input.visibility.roles ?? [])],
  ]
  const [row] = id
    ? await tx.query<{ id: string }>(
        `update public.tenant_advisors set name = $2, color = $3, personality = $4::text::jsonb, starter_questions = $5::text[],
           visible_to_all = $6, visible_roles = $7::text[]
         where tenant_id = $1 and id = $8 returning id`,
        [...values, id],
      )
    : await tx.query<{ id: string }>(
        `insert into public.tenant_advisors (tenant_id, name, color, personality, starter_questions, visible_to_all, visible_roles, owner_id)
         values ($1, $2, $3, $4::text::jsonb, $5::text[], $6, $7::text[], case when $8::boolean then (select auth.uid()) end)
         returning id`,
        [...values, personal],
      )
  if (!row) throw advisorNotFound()
  const advisorId = String(row.id)
  for (const [table, column, list] of [
    ['tenant_advisor_collections', 'collection_id', input.collectionIds],
    ['tenant_advisor_groups', 'group_id', input.visibility.groupIds ?? []],
    ['tenant_advisor_members', 'user_id', input.visibility.userIds ?? []],
  ] as const) {
    await tx.query(`delete from public.${table} where tenant_id = $1 and advisor_id = $2`, [tenantId, advisorId])
    if (list.length === 0) continue
    await tx.query(
      `insert into public.${table} (tenant_id, advisor_id, ${column}) select $1, $2, v from unnest($3::uuid[]) v on conflict do nothing`,
      [tenantId, advisorId, [...new Set(list)]],
    )
  }
  return advisorId
}
