/*
 * The headers every answer carries. Pages get a CSP with a fresh nonce per request:
 * Next.js reads it from the request's Content-Security-Policy header and puts it on its
 * own scripts, so no inline script without it runs and nothing can frame the app.
 */

export const NONCE_HEADER = 'x-nonce'

export type PolicyOptions = {
  nonce: string
  /** `next dev` evaluates code for fast refresh. */
  development: boolean
  https: boolean
  /** Origins the browser may call besides this one (the Supabase project in Supabase mode). */
  connectTo: readonly string[]
  /** The pages that may frame this one: only the widget's page names any (its tenant's allowed origins). */
  frameAncestors?: readonly string[]
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

export function contentSecurityPolicy({ nonce, development, https, connectTo, frameAncestors = [] }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes (progress widths, animation delays); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...connectTo].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/** An API answer is data, never a document: it may load nothing and be framed by nobody. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'"

/**
 * `framable` drops X-Frame-Options for the widget's page, whose CSP frame-ancestors names
 * who may frame it (X-Frame-Options cannot name several origins); every other answer is DENY.
 */
export function securityHeaders(policy: string, https: boolean, framable = false): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    ...(framable ? {} : { 'X-Frame-Options': 'DENY' }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  }
}
