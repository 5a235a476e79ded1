import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '@/lib/env'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests } from '@/lib/db'
import { createTenant } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  countRows,
  oracleRequest,
  seedKnowledge,
  setTenantColumns,
  signedInMember,
  slugParams,
  usageRow,
  useLanguageModel,
  type Member,
} from './oracle-world'

let db: TestDatabase
let closed: { id: string; slug: string }
let open: { id: string; slug: string }
let member: Member
let viewer: Member
let stranger: Member

beforeAll(async () => {
  // Visitors are told apart by the address a trusted proxy reports.
  process.env.TRUST_PROXY = 'true'
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  closed = await createTenant(db, { slug: 'closed-firm', name: 'Closed Firm' })
  open = await createTenant(db, { slug: 'open-coach', name: 'Open Coach', publicAccess: true })
  await seedKnowledge(db, open.id, new LocalEmbedder(), [
    { title: 'Sessions', content: 'Coaching sessions last fifty minutes and can be booked online.' },
  ])
  member = await signedInMember(db, closed.id, 'member@closed.test', 'user')
  viewer = await signedInMember(db, closed.id, 'viewer@closed.test', 'viewer')
  stranger = await signedInMember(db, null, 'stranger@nowhere.test')
})

afterAll(async () => {
  delete process.env.TRUST_PROXY
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

function ask(slug: string, body: unknown, options: { cookie?: string; ip?: string } = {}): Promise<Response> {
  const headers = options.ip ? { 'x-forwarded-for': options.ip } : undefined
  return POST(oracleRequest(slug, body, { cookie: options.cookie, headers }), slugParams({ slug }))
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = await response.json()
  return { status: response.status, code: body.error?.code, message: body.error?.message }
}

describe('who may ask a private tenant', () => {
  it('answers a member with role user', async () => {
    expect((await ask(closed.slug, { input: 'Hello?' }, { cookie: member.cookie })).status).toBe(200)
  })

  it('asks a visitor without a session to sign in (401)', async () => {
    expect(await errorOf(await ask(closed.slug, { input: 'Hello?' }))).toMatchObject({ status: 401, code: 'unauthorized' })
  })

  it('refuses a signed-in stranger and a viewer (403)', async () => {
    expect(await errorOf(await ask(closed.slug, { input: 'Hello?' }, { cookie: stranger.cookie }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    })
    expect((await ask(closed.slug, { input: 'Hello?' }, { cookie: viewer.cookie })).status).toBe(403)
  })

  it('answers 404 for an unknown tenant', async () => {
    expect(await errorOf(await ask('no-such-tenant', { input: 'Hello?' }, { cookie: member.cookie }))).toMatchObject({
      status: 404,
      code: 'not_found',
    })
  })

  it('refuses bad input with 400, never a 5xx', async () => {
    for (const body of [{ input: '' }, { input: '  ' }, { input: 'x'.repeat(8001) }, { input: 'hi', conversationId: 'nope' }, '{oops']) {
      expect((await ask(closed.slug, body, { cookie: member.cookie })).status).toBe(400)
    }
  })
})

describe('a tenant that is not serving', () => {
  it.each([
    ['suspended', `status = 'suspended'`],
    ['cancelled', `status = 'cancelled'`],
    ['trial past its end', `status = 'trial', trial_ends_at = now() - interval '1 day'`],
  ])('answers 403 tenant_inactive when %s', async (_label, assignment) => {
    await setTenantColumns(db, closed.id, assignment)
    try {
      const error = await errorOf(await ask(closed.slug, { input: 'Hello?' }, { cookie: member.cookie }))
      expect(error).toMatchObject({ status: 403, code: 'tenant_inactive' })
      expect(error.message).toMatch(/not available/)
    } finally {
      await setTenantColumns(db, closed.id, `status = 'active', trial_ends_at = null`)
    }
  })
})

describe('visitors of a public tenant', () => {
  it('get an answer without a session, and nothing is stored', async () => {
    const before = await usageRow(db, open.id)
    const response = await ask(open.slug, { input: 'How long is a coaching session?' }, { ip: '198.51.100.1' })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ conversationId: null, messageId: null, offline: true })
    expect(body.response).toContain('fifty minutes')
    expect(await countRows(db, 'tenant_conversations', open.id)).toBe(0)
    expect(await countRows(db, 'tenant_messages', open.id)).toBe(0)
    expect((await usageRow(db, open.id)).conversations).toBe(before.conversations + 1)
  })

  it('treat a signed-in non-member as a visitor', async () => {
    const body = await (await ask(open.slug, { input: 'Can I book online?' }, { cookie: stranger.cookie, ip: '198.51.100.2' })).json()
    expect(body.conversationId).toBeNull()
    expect(await countRows(db, 'tenant_conversations', open.id)).toBe(0)
  })

  it('are rate limited per address: the 21st question in ten minutes gets 429 with Retry-After', async () => {
    const ip = '198.51.100.77'
    for (let i = 0; i < 20; i += 1) {
      expect((await ask(open.slug, { input: `Question ${i} about sessions` }, { ip })).status).toBe(200)
    }
    const refused = await ask(open.slug, { input: 'One more about sessions' }, { ip })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600)
    expect((await ask(open.slug, { input: 'A question about sessions' }, { ip: '198.51.100.78' })).status).toBe(200)
  })

  it('are rate limited per browser when no address can be trusted: one visitor using up its 20 leaves the others theirs', async () => {
    delete process.env.TRUST_PROXY
    resetConfigForTests()
    try {
      const heavy = 'oracle_visitor=AAAAAAAAAAAAAAAAAAAAAA'
      for (let i = 0; i < 20; i += 1) {
        expect((await ask(open.slug, { input: `Browser question ${i} about sessions` }, { cookie: heavy })).status).toBe(200)
      }
      expect((await ask(open.slug, { input: 'One more about sessions' }, { cookie: heavy })).status).toBe(429)
      const other = await ask(open.slug, { input: 'A question about sessions' }, { cookie: 'oracle_visitor=BBBBBBBBBBBBBBBBBBBBBB' })
      expect(other.status).toBe(200)
    } finally {
      process.env.TRUST_PROXY = 'true'
      resetConfigForTests()
    }
  })
})
