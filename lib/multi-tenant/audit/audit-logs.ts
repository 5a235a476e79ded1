import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import type { AuditLogEntry, AuditLogPage, AuditQuery, ChainCheck, PlatformAuditQuery } from '@/lib/contracts/audit'
import { addQueryFilters, type Filter } from './audit-query'
import { isPlatformAdmin, loadTenantForAdmin } from '@/lib/multi-tenant/access'

type AuditRow = {
  id: string | number
  tenant_id: string | null
  actor_id: string | null
  actor_email: string | null
  actor_is_platform_admin: boolean
  action: string
  target_type: string | null
  target_id: string | null
  target_name: string | null
  before: unknown
  after: unknown
  ip: string | null
  created_at: Date | string
  prev_hash: string | null
  hash: string
}

function toEntry(row: AuditRow): AuditLogEntry {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorIsPlatformAdmin: row.actor_is_platform_admin,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetName: row.target_name,
    before: row.before,
    after: row.after,
    ip: row.ip,
    createdAt: new Date(row.created_at).toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

/** Walks a chain (tenant id, or null for the platform's own) and reports the first broken link. */
export async function verifyAuditChain(tx: Queryable, tenantId: string | null): Promise<ChainCheck> {
  const rows = await tx.query<{ ok: boolean; checked: number; first_broken_id: string | number | null }>(
    'select ok, checked, first_broken_id from app_private.verify_audit_chain($1)',
    [tenantId],
  )
  const row = rows[0]
  return {
    ok: row?.ok === true,
    checked: Number(row?.checked ?? 0),
    firstBrokenId: row?.first_broken_id == null ? null : Number(row.first_broken_id),
  }
}

// What a reader calls the target: the document's title, the member's or invitee's email, the
// tenant's or key's name, now or as the row recorded it. Only for the rows of the page.
const TARGET_NAME = `case page.target_type
    when 'knowledge' then coalesce((select k.title from public.tenant_knowledge k
                                     where k.tenant_id = page.tenant_id and k.id::text = page.target_id),
                                   page.after ->> 'title', page.before ->> 'title')
    when 'tenant' then coalesce((select t.name from public.tenants t where t.id::text = page.target_id),
                                page.after ->> 'name', page.before ->> 'name')
    when 'user' then coalesce(page.after ->> 'email', page.before ->> 'email', app_private.audit_member_email(page.tenant_id, page.target_id))
    when 'invitation' then coalesce(page.after ->> 'email', page.before ->> 'email')
    when 'api_key' then coalesce(page.after ->> 'name', page.before ->> 'name')
  end`

// Newest first. RLS decides what the caller may read; `scope` narrows to one chain. Readers
// who are not platform admins see a platform admin's row by role only (no email, id or IP):
// the email and IP come from app_private.audit_actor, which decides that.
async function readPage(tx: Queryable, scope: Filter, query: AuditQuery): Promise<Omit<AuditLogPage, 'chain'>> {
  const filter = addQueryFilters(scope, query)
  const where = filter.clauses.length ? `where ${filter.clauses.join(' and ')}` : ''
  const counted = await tx.query<{ total: number }>(`select count(*)::int as total from public.audit_logs ${where}`, filter.params)
  const clauses = [...filter.clauses]
  const params = [...filter.params]
  if (query.cursor) {
    params.push(query.cursor)
    clauses.push(`id < $${params.length}`)
  }
  const offset = query.cursor ? 0 : (query.page - 1) * query.pageSize
  params.push(query.pageSize, offset)
  const rows = await tx.query<AuditRow>(
    `select page.*, ${TARGET_NAME} as target_name
       from (select listed.id, tenant_id, action, target_type, target_id, before, after, created_at, prev_hash, hash,
                    actor.actor_is_platform_admin, actor.actor_email, actor.ip,
                    case when actor.actor_is_platform_admin and not app_private.is_platform_admin() then null else actor_id end as actor_id
               from (select id, tenant_id, actor_id, action, target_type, target_id, before, after, created_at, prev_hash, hash
                       from public.audit_logs
                      ${clauses.length ? `where ${clauses.join(' and ')}` : ''}
                      order by id desc
                      limit $${params.length - 1} offset $${params.length}) as listed
               cross join lateral app_private.audit_actor(listed.id) as actor) as page
      order by page.id desc`,
    params,
  )
  const items = rows.map(toEntry)
  const last = items[items.length - 1]
  return {
    items,
    page: query.cursor ? 1 : query.page,
    pageSize: query.pageSize,
    total: counted[0]?.total ?? 0,
    nextCursor: items.length === query.pageSize && last ? last.id : null,
  }
}

/** One tenant's log, for that tenant's admins and platform admins (404 for anyone else's tenant). */
export async function listTenantAuditLogs(caller: Acting, tenantId: string, query: AuditQuery): Promise<AuditLogPage> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const page = await readPage(tx, { clauses: ['tenant_id = $1'], params: [tenantId] }, query)
    return { ...page, chain: await verifyAuditChain(tx, tenantId) }
  })
}

/**
 * Every row, platform admins only. `chain` verifies the chain being looked at: the
 * filtered tenant's, or the platform's own (tenant deletions and other platform actions).
 */
export async function listPlatformAuditLogs(caller: Acting, query: PlatformAuditQuery): Promise<AuditLogPage> {
  return caller.run(async (tx) => {
    if (!(await isPlatformAdmin(tx))) throw new AppError('forbidden', 'Only platform admins can read the platform audit log.')
    const chainTenant = query.tenantId && query.tenantId !== 'platform' ? query.tenantId : null
    const scope: Filter =
      query.tenantId === undefined
        ? { clauses: [], params: [] }
        : query.tenantId === 'platform'
          ? { clauses: ['tenant_id is null'], params: [] }
          : { clauses: ['tenant_id = $1'], params: [query.tenantId] }
    const page = await readPage(tx, scope, query)
    return { ...page, chain: await verifyAuditChain(tx, chainTenant) }
  })
}
