import { getDatabase, withEndUser } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { keyRing } from '@/lib/secrets'
import { hashEndUserToken } from '@/lib/multi-tenant/end-users'
import type { TransactionScope } from '@/lib/multi-tenant/access'
import { tenantInactive } from '@/lib/multi-tenant/oracle'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { readWidgetToken } from './token'

/** A request of the widget's frame: its tenant, the page that embeds it, the end user (null: anonymous), and transactions as them. */
export type WidgetCaller = {
  tenant: TenantRoute
  origin: string
  endUserId: string | null
  sessionHash: string
  run: TransactionScope
}

const unauthorized = (message: string) => new AppError('unauthorized', message)

/**
 * The caller of a token-authenticated widget route: a live token of this tenant
 * (signature, expiry, and the end-user session it carries, which the database checks
 * again), sent from the embedding page's origin or the widget's own page, while that
 * origin is still on the tenant's list (removing it stops its widgets at once).
 */
export async function resolveWidgetCaller(
  headers: Headers,
  tenant: TenantRoute,
  context: { requestOrigin: string | null; ownOrigin: string; allowed: readonly string[] },
): Promise<WidgetCaller> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1]
  if (!token) throw unauthorized('Send the widget token: Authorization: Bearer <token>.')
  const claims = readWidgetToken(token, keyRing())
  if (claims === 'expired') throw unauthorized('The widget’s session has expired; it asks for a new one.')
  if (typeof claims === 'string' || claims.tenantId !== tenant.id) throw unauthorized('The widget token is not valid here.')
  const { requestOrigin } = context
  if (requestOrigin !== null && requestOrigin !== claims.origin && requestOrigin !== context.ownOrigin) {
    throw new AppError('forbidden', 'This widget token belongs to another site.')
  }
  if (!context.allowed.includes(claims.origin)) throw new AppError('forbidden', `${claims.origin} may no longer embed this assistant.`)
  if (!tenant.serving) throw tenantInactive(tenant.status)
  const db = await getDatabase()
  const sessionHash = hashEndUserToken(claims.session)
  const run: TransactionScope = (fn) => withEndUser(db, sessionHash, fn)
  const rows = await run((tx) => tx.query<{ end_user_id: string | null }>('select end_user_id from app_private.end_user_session()'))
  const session = rows[0]
  if (!session) throw unauthorized('The widget’s session has expired; it asks for a new one.')
  return { tenant, origin: claims.origin, endUserId: session.end_user_id ? String(session.end_user_id) : null, sessionHash, run }
}
