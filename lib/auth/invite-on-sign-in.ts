import { clientIp } from '@/lib/http/forwarded'
import { getDatabase, withUser, type Claims, type Queryable } from '@/lib/db'
import { toAppError } from '@/lib/errors'
import type { InvitationOutcome } from '@/lib/contracts/auth'
import { acceptInvitation } from '@/lib/multi-tenant/members'

/**
 * Sign-up and sign-in may carry the token of /invite/<token>. The account or session is
 * kept even when the invitation cannot be used (expired, another address); the
 * response says why.
 */
export async function acceptInviteAfterSignIn(
  request: Request,
  claims: Claims,
  token: string | undefined,
): Promise<InvitationOutcome | undefined> {
  if (!token) return undefined
  try {
    const run = async <T>(fn: (tx: Queryable) => Promise<T>) => withUser(await getDatabase(), claims, fn)
    const caller = { run, ip: clientIp(request) }
    return { accepted: await acceptInvitation(caller, token) }
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) throw appError
    return { error: { code: appError.code, message: appError.message } }
  }
}
