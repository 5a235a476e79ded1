import { createHash, randomBytes } from 'node:crypto'
import { asServer, type Queryable } from '@/lib/db'

/*
 * End-user sessions: a token of 256 random bits, of which the database keeps only the
 * SHA-256, opened by the server once it has checked who the end user is (or that it is
 * an anonymous visitor). Requests for the end user then carry the hash in their claims
 * (withEndUser / withApiKey in lib/db), and SQL finds tenant and end user from it.
 */

export const END_USER_TOKEN_PREFIX = 'oeu_'
const TOKEN_PATTERN = /^oeu_[A-Za-z0-9_-]{43}$/

export type OpenedSession = { token: string; hash: string; endUserId: string | null; expiresAt: Date }

export type SessionRequest = {
  tenantId: string
  /** The tenant's id for a verified end user; null = an anonymous visitor. */
  externalId: string | null
  /** The embedding page's origin (the widget); null for the public API. */
  origin: string | null
  ttlSeconds: number
}

export const hashEndUserToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

export function isEndUserToken(value: string): boolean {
  return TOKEN_PATTERN.test(value)
}

export async function openEndUserSession(tx: Queryable, request: SessionRequest): Promise<OpenedSession> {
  const token = `${END_USER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const hash = hashEndUserToken(token)
  const rows = await asServer(tx, (server) =>
    server.query<{ end_user_id: string | null }>('select app_private.open_end_user_session($1, $2, $3, $4, $5) as end_user_id', [
      request.tenantId,
      request.externalId,
      hash,
      request.origin,
      request.ttlSeconds,
    ]),
  )
  const endUserId = rows[0]?.end_user_id
  return {
    token,
    hash,
    endUserId: endUserId ? String(endUserId) : null,
    expiresAt: new Date(Date.now() + request.ttlSeconds * 1000),
  }
}
