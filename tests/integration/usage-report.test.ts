import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/admin/tenants/[id]/usage/route'
import { POST as oracle } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant, makePlatformAdmin, TEST_ORIGIN } from '../support/auth'
import { storageBalance } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  createLimitedTenant,
  oracleRequest,
  seedKnowledge,
  signedInMember,
  slugParams,
  useLanguageModel,
  type Member,
} from './oracle-world'

const CONTENT = 'Support is available on weekdays from nine to five by phone and by email.'

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let user: Member
let otherAdmin: Member
let platformAdmin: Member
let previousPeriod: string
let answers: { element: string }[]

function usageOf(person: Member | null, id = tenant.id): Promise<Response> {
  const headers = person ? { cookie: person.cookie } : undefined
  return GET(new Request(`${TEST_ORIGIN}/api/admin/tenants/${id}/usage`, { headers }), slugParams({ id }))
}

async function ask(input: string, conversationId?: string) {
  const response = await oracle(
    oracleRequest(tenant.slug, { input, conversationId }, { cookie: user.cookie }),
    slugParams({ slug: tenant.slug }),
  )
  return response.json()
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createLimitedTenant(
    db,
    { slug: 'usage-house' },
    { conversationsPerMonth: 1000, tokensPerMonth: null, storageMb: 1, members: null },
  )
  const other = await createTenant(db, { slug: 'usage-other' })
  admin = await signedInMember(db, tenant.id, 'admin@usage.test', 'admin')
  user = await signedInMember(db, tenant.id, 'user@usage.test', 'user')
  otherAdmin = await signedInMember(db, other.id, 'admin@usage-other.test', 'admin')
  platformAdmin = await signedInMember(db, null, 'root@usage.test')
  await makePlatformAdmin(db, platformAdmin.userId)
  await seedKnowledge(db, tenant.id, new LocalEmbedder(), [{ title: 'Support hours', content: CONTENT }])

  const first = await ask('When is support available?')
  answers = [first, await ask('Can I reach support by email?', first.conversationId), await ask('Is there phone support?')]
  const rows = await withService(db, (tx) =>
    tx.query<{ period: string }>(
      `insert into public.tenant_usage (tenant_id, period, conversations, messages, tokens_in, tokens_out)
       values ($1, (app_private.usage_period() - interval '1 month')::date, 7, 20, 300, 30)
       returning period::text as period`,
      [tenant.id],
    ),
  )
  previousPeriod = rows[0]?.period ?? ''
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('GET /api/admin/tenants/[id]/usage', () => {
  it("gives a tenant admin this month's counts against the limits", async () => {
    const response = await usageOf(admin)
    expect(response.status).toBe(200)
    const { current } = await response.json()
    expect(current.period).toBe(`${new Date().toISOString().slice(0, 7)}-01`)
    expect(current).toMatchObject({ conversations: 2, messages: 6, tokens: 0, tokensReserved: 0 })
    // The document's text and the stored messages of the answers above.
    const stored = (await storageBalance(db, tenant.id)).stored
    expect(stored).toBeGreaterThan(Buffer.byteLength(CONTENT))
    expect(current.storageBytes).toBe(stored)
    expect(current.limits).toMatchObject({ conversationsPerMonth: 1000, tokensPerMonth: null, storageMb: 1 })
    expect(current.percentUsed).toEqual({
      conversations: 0.2,
      tokens: null,
      storage: Math.round((stored / (1024 * 1024)) * 1000) / 10,
    })
  })

  it('lists earlier months and the last 30 days with the readings per element', async () => {
    const body = await (await usageOf(admin)).json()
    expect(body.periods).toEqual([{ period: previousPeriod, conversations: 7, messages: 20, tokens: 330, storageBytes: 0 }])
    expect(body.daily).toHaveLength(30)
    const today = body.daily.at(-1)
    expect(today.day).toBe(new Date().toISOString().slice(0, 10))
    expect(today).toMatchObject({ conversations: 2, messages: 6, tokens: 0 })
    const counted: Record<string, number> = {}
    for (const answer of answers) counted[answer.element] = (counted[answer.element] ?? 0) + 1
    expect(today.elementCounts).toEqual(counted)
    expect(body.daily[0]).toMatchObject({ conversations: 0, messages: 0, tokens: 0, elementCounts: {} })
  })

  it('is open to platform admins', async () => {
    expect((await usageOf(platformAdmin)).status).toBe(200)
  })

  it("is 403 for a member who is not an admin, 404 for another tenant's admin, 401 without a session", async () => {
    expect((await usageOf(user)).status).toBe(403)
    expect((await usageOf(otherAdmin)).status).toBe(404)
    expect((await usageOf(null)).status).toBe(401)
  })
})
