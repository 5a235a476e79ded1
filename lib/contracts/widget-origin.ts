/*
 * What a web origin is for the widget's allowed list: `scheme://host[:port]`, http or
 * https, a DNS name or IPv4 address, nothing else (no path, query, credentials or
 * wildcard). The check on public.tenant_widget_origins.origin (migration
 * 20261205010000) is the rule; this normalises what an admin types into the form that
 * check accepts (lowercase, the scheme's default port dropped) and repeats the pattern so
 * a bad entry is a 400 naming the field, not a constraint error.
 */

const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$/
const MAX_ORIGIN_CHARS = 300

export type OriginVerdict = { origin: string } | { problem: string }

/** The normalised origin of `input`, or why it is not one. */
export function normaliseOrigin(input: string): OriginVerdict {
  const text = input.trim()
  if (!/^https?:\/\//i.test(text)) return { problem: 'must start with https:// or http://' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { problem: 'must be an origin such as https://shop.example.com' }
  }
  if (url.username || url.password) return { problem: 'must not carry a user name or password' }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return { problem: 'must be an origin only (scheme, host and port), without a path' }
  }
  const origin = url.origin
  if (origin.length > MAX_ORIGIN_CHARS || !ORIGIN_PATTERN.test(origin)) {
    return { problem: 'must name a host by its domain name or IPv4 address, such as https://shop.example.com' }
  }
  return { origin }
}

/** True when `value` is already an origin in normal form (what a browser sends in its Origin header). */
export function isNormalOrigin(value: string): boolean {
  const verdict = normaliseOrigin(value)
  return 'origin' in verdict && verdict.origin === value
}
