import { AppError } from '@/lib/errors'
import type { CookieChanges, Credentials, PasswordChange, SignedIn, SignedUp, SignInInput } from '@/lib/auth/auth-result'
import { publicOrigin, sessionSite } from '@/lib/auth/request-host'
import { isHttps, isSupabaseAuthCookie } from '@/lib/auth/cookies'
import { supabaseForRequest, type SupabaseRequestClient } from './client'
import { claimsFromSupabase } from './claims'
import { fromSupabaseError } from './errors'
import { clearedSiteCookie, siteCookie } from './site-binding'
import type { Session } from '@/lib/auth/index'

/*
 * The same auth actions as local-provider.ts, answered by Supabase Auth. The account
 * lockout and IP limits are Supabase Auth's own in this mode.
 */

function clientFor(request: Request): SupabaseRequestClient {
  return supabaseForRequest(request.headers.get('cookie'), isHttps(request))
}

function changes(supabase: SupabaseRequestClient): CookieChanges {
  return { setCookies: supabase.responseCookies(), headers: supabase.responseHeaders() }
}

/** The cookies of a session that just started, with the proof of the site that started it. */
function startedOn(request: Request, supabase: SupabaseRequestClient, claims: SignedIn['claims'] | null): CookieChanges {
  const started = changes(supabase)
  if (!claims?.session_id) return started
  const site = sessionSite(request.headers, new URL(request.url).host)
  return { ...started, setCookies: [...started.setCookies, siteCookie(claims.session_id, site, isHttps(request))] }
}

/** The cookies of a session that ended, the site's proof with them. */
function ended(request: Request, supabase: SupabaseRequestClient): CookieChanges {
  const cleared = changes(supabase)
  return { ...cleared, setCookies: [...cleared.setCookies, clearedSiteCookie(isHttps(request))] }
}

/** Claims of the session just written to the cookies, verified like any later request. */
async function sessionClaims(supabase: SupabaseRequestClient): Promise<SignedIn['claims'] | null> {
  const { data, error } = await supabase.client.auth.getClaims()
  if (error) throw fromSupabaseError(error)
  return claimsFromSupabase(data?.claims)
}

/**
 * Supabase sends its own confirmation mail; an address that has an account already
 * gets the same answer as a new one (no enumeration).
 */
export async function signUp(request: Request, input: Credentials & { returnTo: string | null }): Promise<SignedUp> {
  const supabase = clientFor(request)
  // The confirmation link comes back to the callback route, then on to where the person was heading.
  const callback = new URL('/api/auth/callback', publicOrigin(request))
  if (input.returnTo) callback.searchParams.set('next', input.returnTo)
  const { data, error } = await supabase.client.auth.signUp({
    email: input.email,
    password: input.password,
    options: { emailRedirectTo: callback.toString() },
  })
  if (error && (error.code === 'user_already_exists' || error.code === 'email_exists')) {
    return { claims: null, setCookies: [], headers: {} }
  }
  if (error) throw fromSupabaseError(error)
  // With email confirmation on (it should be), Supabase returns no session until the address is confirmed.
  const claims = data.session ? await sessionClaims(supabase) : null
  return { claims, ...startedOn(request, supabase, claims) }
}

/** Supabase resends its confirmation mail; its answer is not passed on (no enumeration). */
export async function resendVerification(request: Request, email: string): Promise<void> {
  const supabase = clientFor(request)
  const { error } = await supabase.client.auth.resend({
    type: 'signup',
    email,
    options: { emailRedirectTo: new URL('/api/auth/callback', publicOrigin(request)).toString() },
  })
  if (error && (error.status ?? 500) >= 500) throw fromSupabaseError(error)
}

/** Supabase confirms addresses through its own link (the callback route), not with our tokens. */
export async function verifyEmail(_request: Request, _token: string): Promise<{ returnTo: string | null }> {
  throw new AppError('not_found', 'Supabase Auth confirms email addresses through the link it sends.')
}

/** Supabase Auth has MFA of its own (factors, aal2); the local accounts' `code` plays no part here. */
export async function signIn(request: Request, input: SignInInput): Promise<SignedIn> {
  const supabase = clientFor(request)
  const { data, error } = await supabase.client.auth.signInWithPassword({ email: input.email, password: input.password })
  if (error) throw fromSupabaseError(error)
  const claims = await sessionClaims(supabase)
  if (!claims?.sub) throw new AppError('unavailable', 'Supabase Auth did not start a session.')
  return { user: { id: data.user.id, email: data.user.email ?? input.email }, claims, ...startedOn(request, supabase, claims) }
}

export async function signOut(request: Request): Promise<CookieChanges> {
  const supabase = clientFor(request)
  // Clears the cookies even when the server no longer knows the session.
  await supabase.client.auth.signOut({ scope: 'local' })
  return ended(request, supabase)
}

/** The confirmation link's PKCE code becomes a session (the verifier cookie was set at sign-up). */
export async function exchangeConfirmationCode(request: Request, code: string): Promise<CookieChanges> {
  const supabase = clientFor(request)
  const { error } = await supabase.client.auth.exchangeCodeForSession(code)
  if (error) throw fromSupabaseError(error)
  return startedOn(request, supabase, await sessionClaims(supabase))
}

/** Supabase checks the current password itself (`current_password`); then other sessions end. */
export async function changePassword(request: Request, _session: Session, input: PasswordChange): Promise<CookieChanges> {
  const supabase = clientFor(request)
  const updated = await supabase.client.auth.updateUser({
    password: input.newPassword,
    current_password: input.currentPassword,
  })
  if (updated.error) throw fromSupabaseError(updated.error)
  const others = await supabase.client.auth.signOut({ scope: 'others' })
  if (others.error) throw fromSupabaseError(others.error)
  return changes(supabase)
}

/** Supabase cannot count what it revoked: `revoked` is null. */
export async function revokeOtherSessions(request: Request, _session: Session): Promise<CookieChanges & { revoked: number | null }> {
  const supabase = clientFor(request)
  const { error } = await supabase.client.auth.signOut({ scope: 'others' })
  if (error) throw fromSupabaseError(error)
  return { ...changes(supabase), revoked: null }
}

/** After the account row is deleted the server has nothing to sign out: expire the cookies here. */
export function clearSessionCookies(request: Request): CookieChanges {
  const secure = isHttps(request)
  const names = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter(isSupabaseAuthCookie)
  return {
    setCookies: [
      ...names.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`),
      clearedSiteCookie(secure),
    ],
    headers: {},
  }
}
