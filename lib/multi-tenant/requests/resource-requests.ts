import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/contracts/ids'
import { limitsOverrideSchema, type PlanTier } from '@/lib/contracts/tenants'
import type {
  RequestListQuery,
  RequestStatus,
  ResourceRequest,
  ResourceRequestCreate,
  ResourceRequestDecision,
  ResourceRequestKind,
} from '@/lib/contracts/requests'
import { isPlatformAdmin, loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { invalidateTenantRoutes, resolveTenantById, type Reached } from '@/lib/multi-tenant/tenants'
import { historyColumn, isoOrNull, QUEUE_ORDER, readHistory } from './history'
import { tenantSiteUrl } from './links'
import { notify, resourceDecisionMail } from './mails'

/*
 * Resource requests: a tenant's admins ask the platform for a plan, limits or restricted
 * access; platform admins decide. The SQL functions of migration 20261206010200 own the
 * rules and apply an approval to the tenant in the transaction that audits it.
 */

type ResourceRow = {
  id: string
  tenant_id: string
  tenant_name: string
  tenant_slug: string
  kind: ResourceRequestKind
  plan_tier: PlanTier | null
  limits: unknown
  reason: string
  status: RequestStatus
  requester_email: string | null
  decision_note: string | null
  decided_at: Date | string | null
  created_at: Date | string
  history: unknown
}

const SELECT = `select r.id, r.tenant_id, t.name as tenant_name, t.slug as tenant_slug, r.kind, r.plan_tier, r.limits, r.reason,
    r.status, r.requester_email, r.decision_note, r.decided_at, r.created_at, ${historyColumn('tenant_resource_request_events')}
  from public.tenant_resource_requests r join public.tenants t on t.id = r.tenant_id`

function toResourceRequest(row: ResourceRow): ResourceRequest {
  const limits = row.limits === null ? null : limitsOverrideSchema.safeParse(row.limits)
  return {
    id: row.id,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    tenantSlug: row.tenant_slug,
    kind: row.kind,
    planTier: row.plan_tier,
    limits: limits?.success ? limits.data : null,
    reason: row.reason,
    status: row.status,
    requesterEmail: row.requester_email,
    decisionNote: row.decision_note,
    decidedAt: isoOrNull(row.decided_at),
    createdAt: new Date(row.created_at).toISOString(),
    history: readHistory(row.history),
  }
}

const noSuchRequest = () => new AppError('not_found', 'No such resource request.')

async function readRequest(tx: Queryable, id: string): Promise<ResourceRequest> {
  const rows = await tx.query<ResourceRow>(`${SELECT} where r.id = $1`, [id])
  if (!rows[0]) throw noSuchRequest()
  return toResourceRequest(rows[0])
}

/** A tenant admin asks; 409 for a second pending request of the kind or for what the tenant has. */
export async function fileResourceRequest(caller: Acting, tenantId: string, input: ResourceRequestCreate): Promise<ResourceRequest> {
  return caller.run(async (tx) => {
    const rows = await tx.query<{ id: string }>('select id from app_private.file_resource_request($1, $2, $3, $4::text::jsonb, $5, $6)', [
      tenantId,
      input.kind,
      input.planTier ?? null,
      input.limits ? JSON.stringify(input.limits) : null,
      input.reason,
      caller.ip,
    ])
    return readRequest(tx, String(rows[0]?.id))
  })
}

/** A tenant's requests and their outcomes, newest first: its admins and platform admins. */
export async function listTenantResourceRequests(caller: Acting, tenantId: string, query: RequestListQuery): Promise<ResourceRequest[]> {
  const rows = await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return tx.query<ResourceRow>(
      `${SELECT} where r.tenant_id = $1 and ($2::text is null or r.status = $2) order by r.created_at desc, r.id limit 200`,
      [tenantId, query.status ?? null],
    )
  })
  return rows.map(toResourceRequest)
}

/** Every tenant's requests for the console: platform admins only (403). Pending ones oldest first, the rest newest first. */
export async function listResourceRequests(caller: Acting, query: RequestListQuery): Promise<ResourceRequest[]> {
  const rows = await caller.run(async (tx) => {
    if (!(await isPlatformAdmin(tx))) throw new AppError('forbidden', 'Only platform admins see every tenant’s requests.')
    return tx.query<ResourceRow>(`${SELECT} where ($1::text is null or r.status = $1) order by ${QUEUE_ORDER} limit 200`, [
      query.status ?? null,
    ])
  })
  return rows.map(toResourceRequest)
}

/**
 * A platform admin approves (the change applies at once, audited in the same transaction)
 * or rejects, with a note for the requester, who is told by mail once it has committed.
 */
export async function decideResourceRequest(
  caller: Acting,
  requestId: string,
  input: ResourceRequestDecision,
  reached: Reached,
): Promise<ResourceRequest> {
  if (!isUuid(requestId)) throw noSuchRequest()
  const request = await caller.run(async (tx) => {
    await tx.query('select id from app_private.decide_resource_request($1, $2, $3, $4)', [requestId, input.decision, input.note, caller.ip])
    return readRequest(tx, requestId)
  })
  // The plan, limits or privacy level the directory caches may have changed.
  if (request.status === 'approved') invalidateTenantRoutes()
  const tenant = await resolveTenantById(request.tenantId)
  if (request.requesterEmail && tenant) {
    await notify(
      resourceDecisionMail(request.requesterEmail, {
        tenantName: request.tenantName,
        kind: request.kind,
        approved: request.status === 'approved',
        note: request.decisionNote,
        dashboardUrl: tenantSiteUrl(tenant, reached, '/dashboard/requests'),
      }),
    )
  }
  return request
}
