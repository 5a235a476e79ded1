import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { WIDGET_TOKEN_PREFIX } from '@/lib/contracts/widget'
import type { KeyRing } from '@/lib/secrets'

/*
 * The widget token: what the embedding page's widget.js hands the widget's frame through
 * postMessage, and the frame then sends as `Authorization: Bearer`. It is signed
 * (HMAC-SHA256 under a key derived from the secrets key ring, so no new secret is
 * configured) and lasts minutes; it binds the tenant, the embedding page's origin and the
 * end user (or an anonymous visitor), and carries the end-user session the database
 * admits the requests under. Cookies play no part, so a browser that blocks third-party
 * cookies works the same.
 */

export type WidgetClaims = {
  tenantId: string
  /** The embedding page's origin, as its browser sent it. */
  origin: string
  /** The tenant's own id for a verified end user; null for an anonymous visitor. */
  endUser: string | null
  /** The end-user session's token (lib/multi-tenant/end-users/sessions.ts). */
  session: string
  /** Seconds since the epoch. */
  expiresAt: number
}

type Payload = { kid: string; tid: string; org: string; eu: string | null; sid: string; exp: number }

export type TokenFailure = 'malformed' | 'bad_signature' | 'expired'

const signingKey = (key: Buffer) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'widget-token', 32))

const TOKEN_PATTERN = new RegExp(`^${WIDGET_TOKEN_PREFIX}([A-Za-z0-9_-]{1,4096})\\.([A-Za-z0-9_-]{43})$`)

const signature = (key: Buffer, body: string) => createHmac('sha256', signingKey(key)).update(body, 'utf8').digest()

export function signWidgetToken(claims: WidgetClaims, ring: Pick<KeyRing, 'current'>): string {
  const payload: Payload = {
    kid: ring.current.id,
    tid: claims.tenantId,
    org: claims.origin,
    eu: claims.endUser,
    sid: claims.session,
    exp: claims.expiresAt,
  }
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')
  return `${WIDGET_TOKEN_PREFIX}${body}.${signature(ring.current.key, body).toString('base64url')}`
}

function payloadOf(body: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>
    const text = (field: unknown) => typeof field === 'string' && field.length > 0
    if (!text(value.kid) || !text(value.tid) || !text(value.org) || !text(value.sid)) return null
    if (value.eu !== null && !text(value.eu)) return null
    if (typeof value.exp !== 'number' || !Number.isInteger(value.exp)) return null
    return value as Payload
  } catch {
    return null
  }
}

/** The token's claims once its signature (by any key the ring holds) and expiry are checked; otherwise why not. */
export function readWidgetToken(
  token: string,
  ring: Pick<KeyRing, 'byId'>,
  nowSeconds = Math.floor(Date.now() / 1000),
): WidgetClaims | TokenFailure {
  const match = TOKEN_PATTERN.exec(token)
  if (!match?.[1] || !match[2]) return 'malformed'
  const payload = payloadOf(match[1])
  if (!payload) return 'malformed'
  const key = ring.byId.get(payload.kid)
  const given = Buffer.from(match[2], 'base64url')
  if (!key || !timingSafeEqual(given, signature(key, match[1]))) return 'bad_signature'
  if (payload.exp <= nowSeconds) return 'expired'
  return { tenantId: payload.tid, origin: payload.org, endUser: payload.eu, session: payload.sid, expiresAt: payload.exp }
}
