import type { Database } from '@/lib/db'
import type { AuditLogEntry, ChainCheck } from '@/lib/contracts/audit'
import type { Tenant } from '@/lib/contracts/tenants'
import { loginCookie, signedInHeaders } from '../support/auth'
import type { AdminWorld } from './admin-world'

/* Calls route handlers the way a browser of each role would: with its session cookie, or none. */

export type Role = 'platformAdmin' | 'tenantAdmin' | 'user' | 'viewer' | 'otherAdmin' | 'anonymous'
export const ROLES: Role[] = ['platformAdmin', 'tenantAdmin', 'user', 'viewer', 'otherAdmin', 'anonymous']

/** What the admin routes answer; each test asserts the part it is about. */
export type Body = {
  tenant?: Tenant
  tenants?: Tenant[]
  items?: AuditLogEntry[]
  total?: number
  chain?: ChainCheck
  error?: { code: string; message: string; details?: { fields: Record<string, string> } }
}

export const fieldsOf = (body: Body) => body.error?.details?.fields ?? {}

export type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>
export type CallOptions = { method?: string; path?: string; id?: string; body?: unknown; headers?: Record<string, string> }
export type Reply = { status: number; body: Body }

export type Http = {
  call(handler: Handler, role: Role, options?: CallOptions): Promise<Reply>
  /** Runs one request per role, in ROLES order, and collects the statuses. */
  statuses(run: (role: Role) => Promise<{ status: number }>): Promise<Record<Role, number>>
}

/** Signs every role of the world in; `id` defaults to the world's home tenant. */
export async function signInEveryone(db: Database, world: AdminWorld): Promise<Http> {
  const cookies: Record<Role, string | null> = {
    platformAdmin: await loginCookie(db, world.platformAdmin.userId),
    tenantAdmin: await loginCookie(db, world.home.admin.userId),
    user: await loginCookie(db, world.home.user.userId),
    viewer: await loginCookie(db, world.home.viewer.userId),
    otherAdmin: await loginCookie(db, world.other.admin.userId),
    anonymous: null,
  }
  const call = async (handler: Handler, role: Role, options: CallOptions = {}): Promise<Reply> => {
    const cookie = cookies[role]
    const headers = cookie ? signedInHeaders(cookie, options.headers) : { 'content-type': 'application/json', ...options.headers }
    const request = new Request(`http://localhost${options.path ?? '/api/admin/tenants'}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const response = await handler(request, { params: Promise.resolve({ id: options.id ?? world.home.id }) })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as Body) : {} }
  }
  const statuses = async (run: (role: Role) => Promise<{ status: number }>) => {
    const result = {} as Record<Role, number>
    for (const role of ROLES) result[role] = (await run(role)).status
    return result
  }
  return { call, statuses }
}
