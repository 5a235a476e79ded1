import { createHmac, timingSafeEqual } from 'node:crypto'
import { asServer, type Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { decryptSecret, identitySecretContext, keyRing } from '@/lib/secrets'

/*
 * Verified identity, as Intercom and Chatbase do it: the tenant's server signs its end
 * user's id with the tenant's identity secret, HMAC-SHA256(user id, secret) in hex, and
 * the browser or the API call carries id and hash. A hash that does not match is refused.
 */

/** What the tenant's server computes, exported for its documentation's example and the tests. */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex')
}

const wrongHash = () =>
  new AppError('unauthorized', 'The user hash does not match this user: send HMAC-SHA256(user id, identity secret) in hex.')

/**
 * Checks `hash` for `userId` against the tenant's identity secret, read as the server
 * inside the caller's transaction (the secret is nobody else's to read). 403 when the
 * tenant has no identity secret yet; 401 when the hash is wrong.
 */
export async function verifyIdentity(tx: Queryable, tenantId: string, userId: string, hash: string): Promise<void> {
  const rows = await asServer(tx, (server) =>
    server.query<{ sealed: string | null }>('select app_private.tenant_identity_secret($1) as sealed', [tenantId]),
  )
  const sealed = rows[0]?.sealed
  if (!sealed) {
    throw new AppError('forbidden', 'This organisation has not set up identity verification: its admins make an identity secret first.')
  }
  const expected = Buffer.from(identityHash(decryptSecret(keyRing(), sealed, identitySecretContext(tenantId)), userId), 'hex')
  const given = Buffer.from(hash.toLowerCase(), 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw wrongHash()
}
