import { readCookie } from '@/lib/auth/cookies'

/*
 * A random, meaningless id per browser, so that visitors of a public tenant can be told
 * apart when the server cannot trust client addresses (no proxy of ours in front). It
 * identifies nobody and grants nothing: it only keys a rate-limit bucket, so one
 * visitor cannot use up the questions every other visitor shares.
 */

export const VISITOR_COOKIE = 'oracle_visitor'
const SHAPE = /^[A-Za-z0-9_-]{22}$/

export function newVisitorId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url')
}

/** The request's visitor id, or null when it has none or one this server never issues. */
export function visitorIdOf(headers: Headers): string | null {
  const value = readCookie(headers.get('cookie'), VISITOR_COOKIE)
  return value !== null && SHAPE.test(value) ? value : null
}
