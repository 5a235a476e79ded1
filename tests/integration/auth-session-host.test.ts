import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listTenantsRoute } from '@/app/api/admin/tenants/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { setDatabaseForTests } from '@/lib/db'
import { cookieFrom, createTenant, createUser, makePlatformAdmin, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const login = withoutParams(loginRoute)
const sessionRoute = withoutParams(getSession)
const listTenants = withoutParams(listTenantsRoute)

let db: TestDatabase
const password = 'platform admin pass'

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  await createTenant(db, { slug: 'custom', domain: 'assistant.custom.example' })
  const admin = await createUser(db, { email: 'root@example.com', password })
  await makePlatformAdmin(db, admin.userId)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const on = (origin: string, path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) =>
  new Request(`${origin}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      origin,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })

describe('a session belongs to the site that started it', () => {
  it("a cookie issued on a tenant's custom domain is no session on the platform host, nor its admin API", async () => {
    const tenantSite = 'http://assistant.custom.example'
    const signedIn = await login(on(tenantSite, '/api/auth/login', { method: 'POST', body: { email: 'root@example.com', password } }))
    expect(signedIn.status).toBe(200)
    const cookie = cookieFrom(signedIn)
    expect((await sessionRoute(on(tenantSite, '/api/auth/session', { cookie }))).status).toBe(200)

    const replayed = await listTenants(on('http://localhost', '/api/admin/tenants', { cookie }))
    expect(replayed.status).toBe(401)
    expect((await sessionRoute(on('http://localhost', '/api/auth/session', { cookie }))).status).toBe(401)
    expect((await sessionRoute(on('http://other.custom.example', '/api/auth/session', { cookie }))).status).toBe(401)
  })

  it('a cookie issued on the platform host works there, on any port of it', async () => {
    const signedIn = await login(
      on('http://localhost:3000', '/api/auth/login', { method: 'POST', body: { email: 'root@example.com', password } }),
    )
    const cookie = cookieFrom(signedIn)
    expect((await listTenants(on('http://localhost:3000', '/api/admin/tenants', { cookie }))).status).toBe(200)
    expect((await listTenants(on('http://localhost', '/api/admin/tenants', { cookie }))).status).toBe(200)
  })
})
