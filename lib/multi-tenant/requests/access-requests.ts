import { getDatabase, type Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { isUuid } from '@/lib/contracts/ids'
import type { MemberRole } from '@/lib/contracts/members'
import type { AccessRequest, AccessRequestCreate, AccessRequestDecision, RequestListQuery, RequestStatus } from '@/lib/contracts/requests'
import { enforceRateLimit } from '@/lib/rate-limit'
import type { Acting } from '@/lib/multi-tenant/access'
import type { Reached, TenantRoute } from '@/lib/multi-tenant/tenants'
import { historyColumn, isoOrNull, QUEUE_ORDER, readHistory } from './history'
import { accessDecisionMail, notify } from './mails'
import { tenantSiteUrl } from './links'

/*
 * Access requests, under the caller's RLS: a requester reads their own, a tenant's admins
 * (and platform admins) the tenant's. Filing and deciding go through the SQL functions of
 * migration 20261206010100, which own every rule (who may ask, one pending request, final
 * decisions, nobody deciding their own, the membership and its seat, the audit row).
 */

type AccessRow = {
  id: string
  tenant_id: string
  user_id: string
  email: string
  message: string
  status: RequestStatus
  role: MemberRole | null
  decision_note: string | null
  decided_at: Date | string | null
  created_at: Date | string
  history: unknown
}

const COLUMNS = `r.id, r.tenant_id, r.user_id, r.email, r.message, r.status, r.role, r.decision_note, r.decided_at, r.created_at,
  ${historyColumn('tenant_access_request_events')}`

function toAccessRequest(row: AccessRow): AccessRequest {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    email: row.email,
    message: row.message,
    status: row.status,
    role: row.role,
    decisionNote: row.decision_note,
    decidedAt: isoOrNull(row.decided_at),
    createdAt: new Date(row.created_at).toISOString(),
    history: readHistory(row.history),
  }
}

const noSuchRequest = () => new AppError('not_found', 'No such access request.')

// A signed-in person may ask a few organisations an hour, not flood their admins.
const FILING_LIMIT = { scope: 'access_request', maxHits: 10, windowSeconds: 3600 }

async function readRequest(tx: Queryable, id: string): Promise<AccessRequest> {
  const rows = await tx.query<AccessRow>(`select ${COLUMNS} from public.tenant_access_requests r where r.id = $1`, [id])
  if (!rows[0]) throw noSuchRequest()
  return toAccessRequest(rows[0])
}

/** The caller asks to join the tenant; 409 when they are a member or already asked. */
export async function fileAccessRequest(caller: Acting, tenantId: string, input: AccessRequestCreate): Promise<AccessRequest> {
  const userId = caller.session?.userId
  if (!userId) throw new AppError('unauthorized', 'Sign in to continue.')
  await enforceRateLimit(await getDatabase(), FILING_LIMIT, userId, 'You have asked for access many times this hour. Try again later.')
  return caller.run(async (tx) => {
    const rows = await tx.query<{ id: string }>('select id from app_private.file_access_request($1, $2)', [tenantId, input.message])
    return readRequest(tx, String(rows[0]?.id))
  })
}

/** The tenant's requests the caller may see (its admins: all; anyone else: their own): the pending ones first, oldest first. */
export async function listAccessRequests(caller: Acting, tenantId: string, query: RequestListQuery): Promise<AccessRequest[]> {
  const rows = await caller.run((tx) =>
    tx.query<AccessRow>(
      `select ${COLUMNS} from public.tenant_access_requests r
        where r.tenant_id = $1 and ($2::text is null or r.status = $2)
        order by ${QUEUE_ORDER} limit 200`,
      [tenantId, query.status ?? null],
    ),
  )
  return rows.map(toAccessRequest)
}

/** The caller's latest request to join the tenant, or null: what the tenant's chat shows a non-member. */
export async function ownAccessRequest(caller: Acting, tenantId: string): Promise<AccessRequest | null> {
  const userId = caller.session?.userId
  if (!userId) return null
  const rows = await caller.run((tx) =>
    tx.query<AccessRow>(
      `select ${COLUMNS} from public.tenant_access_requests r
        where r.tenant_id = $1 and r.user_id = $2 order by r.created_at desc limit 1`,
      [tenantId, userId],
    ),
  )
  return rows[0] ? toAccessRequest(rows[0]) : null
}

/**
 * A tenant admin (or platform admin) approves with a role or rejects with a note. Another
 * tenant's request id is a 404; a decided one a 409; the requester's own a 403; past the
 * seats a 429. The requester gets the outcome by mail once it has committed.
 */
export async function decideAccessRequest(
  caller: Acting,
  tenant: Pick<TenantRoute, 'id' | 'slug' | 'name' | 'domain'>,
  requestId: string,
  input: AccessRequestDecision,
  reached: Reached,
): Promise<AccessRequest> {
  if (!isUuid(requestId)) throw noSuchRequest()
  const request = await caller.run(async (tx) => {
    const owner = await tx.query<{ tenant_id: string }>('select tenant_id from public.tenant_access_requests where id = $1', [requestId])
    if (owner[0]?.tenant_id !== tenant.id) throw noSuchRequest()
    await tx.query('select id from app_private.decide_access_request($1, $2, $3, $4, $5)', [
      requestId,
      input.decision,
      input.decision === 'approve' ? (input.role ?? 'user') : null,
      input.note ?? null,
      caller.ip,
    ])
    return readRequest(tx, requestId)
  })
  await notify(
    accessDecisionMail(request.email, {
      tenantName: tenant.name,
      approved: request.status === 'approved',
      role: request.role,
      note: request.decisionNote,
      siteUrl: tenantSiteUrl(tenant, reached),
    }),
  )
  return request
}
