import { withService, type Database } from '@/lib/db'
import { hashPassword, setPasswordCostForTests } from '@/lib/auth/local/password'
import { startSession } from '@/lib/auth/local/session-store'
import { SESSION_COOKIE } from '@/lib/auth/cookies'

/*
 * Service-level set-up for tests: rows are inserted directly, bypassing RLS, so a test
 * can arrange any situation before it acts through the real routes and services.
 */

// Production scrypt costs ~0.4 s and 128 MiB per hash; the suite hashes many passwords.
setPasswordCostForTests({ N: 1024, r: 8, p: 1 })

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery'
/** The origin test requests come from; route handlers are called with http://localhost URLs. */
export const TEST_ORIGIN = 'http://localhost'

export async function createUser(db: Database, input: { email: string; password?: string }): Promise<{ userId: string; email: string }> {
  const email = input.email.trim().toLowerCase()
  const hash = await hashPassword(input.password ?? DEFAULT_TEST_PASSWORD)
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string }>('insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now()) returning id', [
      email,
      hash,
    ]),
  )
  return { userId: String(rows[0]?.id), email }
}

/** A `Cookie` header value carrying a fresh session for the user, started on `site` (a host name). */
export async function loginCookie(db: Database, userId: string, site = 'localhost'): Promise<string> {
  const session = await withService(db, (tx) => startSession(tx, { userId, userAgent: 'vitest', ip: null, site }))
  return `${SESSION_COOKIE}=${session.token}`
}

/**
 * Headers of a signed-in, same-origin browser request. State-changing requests that
 * carry a session cookie must name an allowed Origin (CSRF check in lib/api/route.ts).
 */
export function signedInHeaders(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json', ...extra }
}

export async function makePlatformAdmin(db: Database, userId: string): Promise<void> {
  await withService(db, (tx) => tx.query('insert into public.platform_admins (user_id) values ($1) on conflict do nothing', [userId]))
}

export async function addMember(db: Database, tenantId: string, userId: string, role: 'admin' | 'user' | 'viewer'): Promise<void> {
  await withService(db, (tx) =>
    tx.query(
      `insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, $3)
       on conflict (tenant_id, user_id) do update set role = excluded.role`,
      [tenantId, userId, role],
    ),
  )
}

export type TestTenantInput = {
  slug: string
  name?: string
  domain?: string | null
  status?: 'trial' | 'active' | 'suspended' | 'cancelled'
  publicAccess?: boolean
  /** Wins over publicAccess (true: public, otherwise members). */
  privacyLevel?: 'public' | 'members' | 'restricted'
  planTier?: 'starter' | 'professional' | 'enterprise'
  limits?: Record<string, number | null>
  trialEndsAt?: Date | null
}

// `$7::text::jsonb`: postgres.js would JSON-encode a string bound straight to a jsonb
// parameter a second time (it arrives as a jsonb string, not an object).
export async function createTenant(db: Database, input: TestTenantInput): Promise<{ id: string; slug: string }> {
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string; slug: string }>(
      `insert into public.tenants (slug, name, domain, status, privacy_level, plan_tier, limits, trial_ends_at)
       values ($1, $2, $3, $4, $5, $6, coalesce($7::text::jsonb, '{}'::jsonb), $8)
       returning id, slug`,
      [
        input.slug,
        input.name ?? input.slug,
        input.domain ?? null,
        input.status ?? 'active',
        input.privacyLevel ?? (input.publicAccess ? 'public' : 'members'),
        input.planTier ?? 'starter',
        input.limits ? JSON.stringify(input.limits) : null,
        input.trialEndsAt ?? null,
      ],
    ),
  )
  const row = rows[0]
  if (!row) throw new Error('createTenant inserted nothing')
  return { id: row.id, slug: row.slug }
}

/** A route-handler request: JSON body, optional session cookie, same-origin by default. */
export function apiRequest(
  path: string,
  options: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { origin: TEST_ORIGIN, ...options.headers }
  if (options.cookie) headers.cookie = options.cookie
  if (options.body !== undefined) headers['content-type'] ??= 'application/json'
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
}

/** The `name=value` pairs a response sets, ready to send back as a `Cookie` header. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

/** A handler of a route without dynamic segments, callable with just the request. */
export function withoutParams(
  handler: (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return (request) => handler(request, { params: Promise.resolve({}) })
}
