import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listTenantsRoute } from '@/app/api/admin/tenants/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { SITE_COOKIE } from '@/lib/auth/supabase/site-binding'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { cookieFrom, createTenant, makePlatformAdmin, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'
import { FakeSupabaseAuth } from './auth-fake-supabase'

/* In Supabase Auth mode too, a session answers only on the site (host) that started it. */

const login = withoutParams(loginRoute)
const signup = withoutParams(signupRoute)
const sessionRoute = withoutParams(getSession)
const listTenants = withoutParams(listTenantsRoute)

let db: TestDatabase
const auth = new FakeSupabaseAuth()
const saved = { ...process.env }
const email = 'root@sb-host.example'
const password = 'supabase platform admin pass'
const tenantSite = 'http://assistant.custom.example'

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

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  await auth.start()
  auth.onUserCreated = async (user) => {
    await withService(db, (tx) =>
      tx.query('insert into auth.users (id, email, email_confirmed_at) values ($1, $2, now())', [user.id, user.email]),
    )
  }
  process.env.NEXT_PUBLIC_SUPABASE_URL = auth.url
  process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = 'sb_publishable_test_key'
  process.env.DATABASE_URL = 'postgres://unused@127.0.0.1:1/unused' // the tests hand routes their own database
  resetConfigForTests()
  await createTenant(db, { slug: 'sb-custom', domain: 'assistant.custom.example' })
  expect((await signup(on('http://localhost', '/api/auth/signup', { method: 'POST', body: { email, password } }))).status).toBe(202)
  const user = auth.users.get(email)
  if (!user) throw new Error('fake user missing')
  await makePlatformAdmin(db, user.id)
})
afterAll(async () => {
  process.env = saved
  resetConfigForTests()
  await auth.stop()
  setDatabaseForTests(undefined)
  await db.close()
})

async function signInOn(origin: string): Promise<string> {
  const response = await login(on(origin, '/api/auth/login', { method: 'POST', body: { email, password } }))
  expect(response.status).toBe(200)
  return cookieFrom(response)
}

describe('a Supabase session belongs to the site that started it', () => {
  it("a session started on a tenant's custom domain is no session on the platform host, nor its admin API", async () => {
    const cookie = await signInOn(tenantSite)
    expect((await sessionRoute(on(tenantSite, '/api/auth/session', { cookie }))).status).toBe(200)

    expect((await listTenants(on('http://localhost', '/api/admin/tenants', { cookie }))).status).toBe(401)
    expect((await sessionRoute(on('http://localhost', '/api/auth/session', { cookie }))).status).toBe(401)
    expect((await sessionRoute(on('http://other.custom.example', '/api/auth/session', { cookie }))).status).toBe(401)
  })

  it("another session's proof, or none, does not make a session's cookie work on the platform host", async () => {
    const stolen = await signInOn(tenantSite)
    const own = await signInOn('http://localhost')
    const stolenSession = stolen.split('; ').filter((pair) => !pair.startsWith(`${SITE_COOKIE}=`))
    const ownProof = own.split('; ').find((pair) => pair.startsWith(`${SITE_COOKIE}=`)) ?? ''
    const replay = (cookie: string) => listTenants(on('http://localhost', '/api/admin/tenants', { cookie }))
    expect((await replay(stolenSession.join('; '))).status).toBe(401)
    expect((await replay([...stolenSession, ownProof].join('; '))).status).toBe(401)
    expect((await replay([...stolenSession, `${SITE_COOKIE}=k1.${'A'.repeat(43)}`].join('; '))).status).toBe(401)
  })

  it('a session started on the platform host works there, on any port of it', async () => {
    const cookie = await signInOn('http://localhost:3000')
    expect((await listTenants(on('http://localhost:3000', '/api/admin/tenants', { cookie }))).status).toBe(200)
    expect((await listTenants(on('http://localhost', '/api/admin/tenants', { cookie }))).status).toBe(200)
  })
})
