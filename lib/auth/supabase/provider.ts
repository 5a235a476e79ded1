import { AppError } from '@/lib/errors'
import type { CookieChanges, Credentials, PasswordChange, SignedIn } from '@/lib/auth/auth-result'
import { isHttps, isSupabaseAuthCookie } from '@/lib/auth/cookies'
import { supabaseForRequest, type SupabaseRequestClient } from './client'
import { fromSupabaseError } from './errors'
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

/** Claims of the session just written to the cookies, verified like any later request. */
async function sessionClaims(supabase: SupabaseRequestClient): Promise<SignedIn['claims']> {
  const { data, error } = await supabase.client.auth.getClaims()
  if (error) throw fromSupabaseError(error)
  const claims = data?.claims
  if (!claims?.sub) return null
  return {
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : '',
    role: 'authenticated',
    session_id: typeof claims.session_id === 'string' ? claims.session_id : undefined,
  }
}

export async function signUp(request: Request, input: Credentials): Promise<SignedIn> {
  const supabase = clientFor(request)
  // With email confirmation on, the link in the email comes back to the callback route.
  const emailRedirectTo = `${new URL(request.url).origin}/api/auth/callback`
  const { data, error } = await supabase.client.auth.signUp({ ...input, options: { emailRedirectTo } })
  if (error) throw fromSupabaseError(error)
  if (!data.user) throw new AppError('unavailable', 'Supabase Auth did not return the new account.')
  // With email confirmation on, Supabase returns no session until the address is confirmed.
  const claims = data.session ? await sessionClaims(supabase) : null
  return { user: { id: data.user.id, email: data.user.email ?? input.email }, claims, ...changes(supabase) }
}

export async function signIn(request: Request, input: Credentials): Promise<SignedIn> {
  const supabase = clientFor(request)
  const { data, error } = await supabase.client.auth.signInWithPassword(input)
  if (error) throw fromSupabaseError(error)
  const claims = await sessionClaims(supabase)
  if (!claims?.sub) throw new AppError('unavailable', 'Supabase Auth did not start a session.')
  return { user: { id: data.user.id, email: data.user.email ?? input.email }, claims, ...changes(supabase) }
}

export async function signOut(request: Request): Promise<CookieChanges> {
  const supabase = clientFor(request)
  // Clears the cookies even when the server no longer knows the session.
  await supabase.client.auth.signOut({ scope: 'local' })
  return changes(supabase)
}

/** The confirmation link's PKCE code becomes a session (the verifier cookie was set at sign-up). */
export async function exchangeConfirmationCode(request: Request, code: string): Promise<CookieChanges> {
  const supabase = clientFor(request)
  const { error } = await supabase.client.auth.exchangeCodeForSession(code)
  if (error) throw fromSupabaseError(error)
  return changes(supabase)
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
export async function revokeOtherSessions(
  request: Request,
  _session: Session,
): Promise<CookieChanges & { revoked: number | null }> {
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
    setCookies: names.map(
      (name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
    ),
    headers: {},
  }
}
