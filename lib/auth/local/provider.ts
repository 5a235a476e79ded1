import { clientIp } from '@/lib/http/forwarded'
import { getDatabase, withUser } from '@/lib/db'
import type { CookieChanges, Credentials, PasswordChange, SignedIn, SignedUp, SignInInput } from '@/lib/auth/auth-result'
import { now } from '@/lib/auth/clock'
import { clearedSessionCookie, isHttps, readCookie, SESSION_COOKIE, sessionCookie } from '@/lib/auth/cookies'
import { publicOrigin, sessionSite } from '@/lib/auth/request-host'
import { changePasswordLocal, resendVerificationLocal, signInLocal, signUpLocal, type LocalSignIn, type RequestMeta } from './accounts'
import { confirmEmail } from './email-verification'
import { localSessionClaims } from './session-claims'
import { endSession } from './session-store'
import type { Session } from '@/lib/auth/index'

function requestMeta(request: Request): RequestMeta {
  return {
    ip: clientIp(request),
    userAgent: request.headers.get('user-agent'),
    previousToken: readCookie(request.headers.get('cookie'), SESSION_COOKIE),
    site: sessionSite(request.headers, new URL(request.url).host),
    origin: publicOrigin(request),
  }
}

function signedIn(request: Request, result: LocalSignIn): SignedIn {
  return {
    user: result.user,
    claims: localSessionClaims({ userId: result.user.id, email: result.user.email, sessionId: result.session.sessionId }),
    setCookies: [sessionCookie(result.session.token, result.session.expiresAt, isHttps(request), now())],
    headers: {},
  }
}

/** Never signs in: the account is usable once its address is verified. */
export async function signUp(request: Request, input: Credentials & { returnTo: string | null }): Promise<SignedUp> {
  await signUpLocal(await getDatabase(), input, requestMeta(request))
  return { claims: null, setCookies: [], headers: {} }
}

export async function resendVerification(request: Request, email: string): Promise<void> {
  await resendVerificationLocal(await getDatabase(), email, requestMeta(request))
}

export async function verifyEmail(_request: Request, token: string): Promise<{ returnTo: string | null }> {
  const { returnTo } = await confirmEmail(await getDatabase(), token)
  return { returnTo }
}

export async function signIn(request: Request, input: SignInInput): Promise<SignedIn> {
  return signedIn(request, await signInLocal(await getDatabase(), input, requestMeta(request)))
}

export async function signOut(request: Request): Promise<CookieChanges> {
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE)
  if (token) await endSession(await getDatabase(), token)
  return { setCookies: [clearedSessionCookie(isHttps(request))], headers: {} }
}

export async function changePassword(request: Request, session: Session, input: PasswordChange): Promise<CookieChanges> {
  await changePasswordLocal(
    await getDatabase(),
    { userId: session.userId, email: session.email, sessionId: session.sessionId, ...input },
    clientIp(request),
  )
  return { setCookies: [], headers: {} }
}

/** Deletes every other session of the caller (RLS: only their own rows); returns how many. */
export async function revokeOtherSessions(_request: Request, session: Session): Promise<CookieChanges & { revoked: number }> {
  const rows = await withUser(await getDatabase(), session.claims, (tx) =>
    tx.query<{ id: string }>('delete from auth.local_sessions where user_id = $1 and id <> $2 returning id', [
      session.userId,
      session.sessionId,
    ]),
  )
  return { setCookies: [], headers: {}, revoked: rows.length }
}

/** After the account is deleted its sessions are gone (cascade); the cookie goes too. */
export function clearSessionCookies(request: Request): CookieChanges {
  return { setCookies: [clearedSessionCookie(isHttps(request))], headers: {} }
}
