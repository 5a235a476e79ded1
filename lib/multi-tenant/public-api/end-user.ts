import { USER_HASH_HEADER, endUserIdSchema, userHashSchema } from '@/lib/contracts/end-users'
import { AppError } from '@/lib/errors'
import type { TransactionScope } from '@/lib/multi-tenant/access'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'
import { openEndUserSession, verifyIdentity } from '@/lib/multi-tenant/end-users'

/** Long enough for one answer, streamed or not; each verified call opens its own. */
const API_SESSION_SECONDS = 300

/** Who a completion is asked for: the key alone (anonymous), or a verified end user under the key. */
export type Asker = { run: TransactionScope; endUserId: string | null }

const fieldError = (field: string, message: string) =>
  new AppError('bad_request', 'The request is not valid.', { details: { fields: { [field]: message } } })

/**
 * `user` with the `X-User-Hash` header names a verified end user of the tenant's site,
 * whose history is kept apart from members' (401 for a wrong hash, 403 when the tenant
 * has no identity secret). Without the header the call is anonymous and `user` is only
 * accepted, as OpenAI accepts it.
 */
export async function askerOf(caller: KeyCaller, user: string | undefined, headers: Headers): Promise<Asker> {
  const hash = headers.get(USER_HASH_HEADER)
  if (hash === null) return { run: caller.run, endUserId: null }
  if (!userHashSchema.safeParse(hash).success) throw fieldError(USER_HASH_HEADER, 'must be 64 hexadecimal digits (HMAC-SHA256)')
  if (user === undefined || !endUserIdSchema.safeParse(user).success)
    throw fieldError('user', `is required with the ${USER_HASH_HEADER} header`)
  const session = await caller.run(async (tx) => {
    await verifyIdentity(tx, caller.tenantId, user, hash)
    return openEndUserSession(tx, { tenantId: caller.tenantId, externalId: user, origin: null, ttlSeconds: API_SESSION_SECONDS })
  })
  return { run: caller.forEndUser(session.hash), endUserId: session.endUserId }
}
