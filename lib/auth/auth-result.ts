import type { Claims } from '@/lib/db'

/** Cookies and headers an auth action wants on its response. */
export type CookieChanges = { setCookies: string[]; headers: Record<string, string> }

/** After sign-in: the new session's claims and cookies. */
export type SignedIn = CookieChanges & {
  user: { id: string; email: string }
  claims: Claims
}

/**
 * After sign-up: no session in local mode (the address is verified first). Supabase
 * starts one at once only when its email confirmation is switched off.
 */
export type SignedUp = CookieChanges & { claims: Claims | null }

export type Credentials = { email: string; password: string }
/** Sign-in: with local accounts that have two-factor sign-in on, `code` is the second factor. */
export type SignInInput = Credentials & { code?: string }
export type PasswordChange = { currentPassword: string; newPassword: string }

/** Puts an auth action's cookies (and Supabase's no-cache headers) on a response. */
export function withCookies(response: Response, changes: CookieChanges): Response {
  for (const cookie of changes.setCookies) response.headers.append('set-cookie', cookie)
  for (const [name, value] of Object.entries(changes.headers)) response.headers.set(name, value)
  if (changes.setCookies.length > 0) response.headers.set('cache-control', 'private, no-store')
  return response
}
