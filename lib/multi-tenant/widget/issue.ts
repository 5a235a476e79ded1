import { possessive } from '@/lib/client/format'
import type { WidgetTokenRequest, WidgetTokenResponse } from '@/lib/contracts/widget'
import { getDatabase, withAnon, withEndUser } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { ALL_CLIENTS, enforceRateLimit } from '@/lib/rate-limit'
import { keyRing } from '@/lib/secrets'
import { openEndUserSession, verifyIdentity } from '@/lib/multi-tenant/end-users'
import { brandingOf, loadOracleProfile, tenantInactive } from '@/lib/multi-tenant/oracle'
import { tenantSiteOrigin, type Reached, type TenantRoute } from '@/lib/multi-tenant/tenants'
import { signWidgetToken } from './token'

/** Minutes, not hours: widget.js asks for a fresh token when the frame's runs out. */
export const WIDGET_TOKEN_SECONDS = 15 * 60

const ISSUE_WINDOW_SECONDS = 600
const TOO_MANY = 'Too many widget sessions from here in a short time. Please wait a few minutes.'

export type TokenAsk = {
  tenant: TenantRoute
  /** The embedding page's origin, already checked against the tenant's list (see widget-route.ts). */
  origin: string
  body: WidgetTokenRequest
  ip: string | null
  reached: Reached
}

/** Each token opens a session row: 30 per address in ten minutes, or 600 over everyone when addresses are unknown. */
async function limitIssuing(tenantId: string, ip: string | null): Promise<void> {
  const db = await getDatabase()
  if (ip) await enforceRateLimit(db, { scope: `widget-token:${tenantId}`, maxHits: 30, windowSeconds: ISSUE_WINDOW_SECONDS }, ip, TOO_MANY)
  else
    await enforceRateLimit(
      db,
      { scope: `widget-tokens:${tenantId}`, maxHits: 600, windowSeconds: ISSUE_WINDOW_SECONDS },
      ALL_CLIENTS,
      TOO_MANY,
    )
}

/**
 * A widget token for the embedding page at `origin`: for the verified end user whose id
 * and hash it sends (checked as /api/v1 checks them: 401 for a wrong hash, 403 when the
 * tenant has no identity secret), or for an anonymous visitor, which only a public tenant
 * admits. The answer names the widget's page on the tenant's own host and its branding.
 */
export async function issueWidgetToken(ask: TokenAsk): Promise<WidgetTokenResponse> {
  const { tenant, origin, body } = ask
  if (!tenant.serving) throw tenantInactive(tenant.status)
  const externalId = body.userId ?? null
  if (externalId === null && !tenant.publicAccess) {
    throw new AppError(
      'unauthorized',
      `${possessive(tenant.name)} assistant answers its signed-in customers only: the page must send data-user-id and data-user-hash.`,
    )
  }
  await limitIssuing(tenant.id, ask.ip)
  const db = await getDatabase()
  const session = await withAnon(db, {}, async (tx) => {
    if (externalId !== null && body.userHash !== undefined) await verifyIdentity(tx, tenant.id, externalId, body.userHash)
    return openEndUserSession(tx, { tenantId: tenant.id, externalId, origin, ttlSeconds: WIDGET_TOKEN_SECONDS })
  })
  const profile = await withEndUser(db, session.hash, (tx) => loadOracleProfile(tx, tenant.id))
  const expiresAt = Math.floor(session.expiresAt.getTime() / 1000)
  const token = signWidgetToken({ tenantId: tenant.id, origin, endUser: externalId, session: session.token, expiresAt }, keyRing())
  const frame = new URL('/embed', tenantSiteOrigin(tenant, ask.reached))
  frame.searchParams.set('origin', origin)
  return {
    token,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    frameUrl: frame.toString(),
    branding: { tenantName: tenant.name, ...brandingOf(tenant, profile) },
  }
}
