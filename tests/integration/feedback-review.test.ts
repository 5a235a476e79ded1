import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as feedbackRoute } from '@/app/api/admin/tenants/[id]/feedback/route'
import { POST as rateRoute } from '@/app/api/tenant/[slug]/messages/[id]/feedback/route'
import { feedbackReviewResponseSchema } from '@/lib/contracts/feedback'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* Tenant admins review the answers their members rated; nobody else reads them, and no other tenant's rating is counted. */

let db: TestDatabase
const home = { id: '', slug: 'fb-home', docA: '', docB: '' }
const other = { id: '', slug: 'fb-other' }
const people = { admin: '', member: '', viewer: '', otherAdmin: '', otherMember: '', platform: '' }
const cookies = { ...people }
type Who = keyof typeof people

async function exchange(tenant: { id: string }, userId: string, question: string, answer: string, sources: object[]) {
  return withService(db, async (tx) => {
    const [conversation] = await tx.query<{ id: string }>(
      'insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3) returning id',
      [tenant.id, userId, question],
    )
    const [asked] = await tx.query<{ id: string }>(
      `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', $4) returning id`,
      [tenant.id, conversation?.id, userId, question],
    )
    const [answered] = await tx.query<{ id: string }>(
      `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content, element, phase, sources, question_id)
       values ($1, $2, $3, 'assistant', $4, 'water', 2, $5::jsonb, $6) returning id`,
      [tenant.id, conversation?.id, userId, answer, JSON.stringify(sources), asked?.id],
    )
    return String(answered?.id)
  })
}

function source(knowledgeId: string, title: string) {
  return { id: crypto.randomUUID(), knowledgeId, title, snippet: `${title} passage`, score: 0.8 }
}

async function rate(who: Who, slug: string, messageId: string, value: 1 | -1 | null) {
  const response = await rateRoute(
    apiRequest(`/api/tenant/${slug}/messages/${messageId}/feedback`, { method: 'POST', cookie: cookies[who], body: { value } }),
    { params: Promise.resolve({ slug, id: messageId }) },
  )
  expect(response.status).toBe(200)
}

async function review(who: Who, tenantId: string) {
  const response = await feedbackRoute(apiRequest(`/api/admin/tenants/${tenantId}/feedback`, { cookie: cookies[who] }), {
    params: Promise.resolve({ id: tenantId }),
  })
  return { status: response.status, body: await response.json() }
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  home.id = (await createTenant(db, { slug: home.slug })).id
  other.id = (await createTenant(db, { slug: other.slug })).id
  const roles: [Who, string | null, 'admin' | 'user' | 'viewer' | null][] = [
    ['admin', home.id, 'admin'],
    ['member', home.id, 'user'],
    ['viewer', home.id, 'viewer'],
    ['otherAdmin', other.id, 'admin'],
    ['otherMember', other.id, 'user'],
    ['platform', null, null],
  ]
  for (const [who, tenantId, role] of roles) {
    const user = await createUser(db, { email: `fb-${who.toLowerCase()}@example.com` })
    if (tenantId && role) await addMember(db, tenantId, user.userId, role)
    if (who === 'platform') await makePlatformAdmin(db, user.userId)
    people[who] = user.userId
    cookies[who] = await loginCookie(db, user.userId)
  }
  home.docA = crypto.randomUUID()
  home.docB = crypto.randomUUID()
  const good = await exchange(home, people.member, 'When is breakfast?', 'Breakfast is served from seven.', [
    source(home.docA, 'Dining guide'),
  ])
  const bad = await exchange(home, people.member, 'Is there parking?', 'The garden has roses.', [
    source(home.docA, 'Dining guide'),
    source(home.docB, 'Garden notes'),
  ])
  const unrated = await exchange(home, people.viewer, 'Do you have a spa?', 'Yes, on the top floor.', [])
  const badByViewer = await exchange(home, people.viewer, 'Can I bring my dog?', 'Dogs bark.', [source(home.docB, 'Garden notes')])
  const foreign = await exchange(other, people.otherMember, 'Secret launch date?', 'Other tenant secret answer.', [])
  await rate('member', home.slug, good, 1)
  await rate('member', home.slug, bad, -1)
  await rate('viewer', home.slug, badByViewer, 1)
  await rate('viewer', home.slug, badByViewer, -1)
  await rate('otherMember', other.slug, foreign, -1)
  expect(unrated).toBeTruthy()
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('GET /api/admin/tenants/[id]/feedback', () => {
  it("counts the tenant's thumbs up and down by day, element, phase and cited document, a changed rating once", async () => {
    const { status, body } = await review('admin', home.id)
    expect(status).toBe(200)
    const { summary } = feedbackReviewResponseSchema.parse(body)
    expect({ up: summary.up, down: summary.down }).toEqual({ up: 1, down: 2 })
    expect(summary.byDay).toHaveLength(summary.days)
    expect(summary.byDay.at(-1)).toEqual({ date: new Date().toISOString().slice(0, 10), up: 1, down: 2 })
    expect(summary.byElement).toEqual([{ element: 'water', up: 1, down: 2 }])
    expect(summary.byPhase).toEqual([{ phase: 2, up: 1, down: 2 }])
    expect(summary.byDocument).toEqual([
      { knowledgeId: home.docB, title: 'Garden notes', up: 0, down: 2 },
      { knowledgeId: home.docA, title: 'Dining guide', up: 1, down: 1 },
    ])
  })

  it('lists the thumbs-down answers newest first with their question, answer and sources, and no unrated or other tenant answer', async () => {
    const { lowRated } = feedbackReviewResponseSchema.parse((await review('admin', home.id)).body)
    expect(lowRated.map((entry) => [entry.question, entry.answer])).toEqual([
      ['Can I bring my dog?', 'Dogs bark.'],
      ['Is there parking?', 'The garden has roses.'],
    ])
    expect(lowRated[1]?.sources.map((cited) => cited.title)).toEqual(['Dining guide', 'Garden notes'])
    expect(JSON.stringify(lowRated)).not.toMatch(/spa|Other tenant secret|Breakfast/)
  })

  it("another tenant's admin gets 404 and a member, a viewer and a platform admin 403: rated answers are the tenant's admins' only", async () => {
    expect((await review('otherAdmin', home.id)).status).toBe(404)
    expect((await review('member', home.id)).status).toBe(403)
    expect((await review('viewer', home.id)).status).toBe(403)
    expect((await review('platform', home.id)).status).toBe(403)
  })

  it("the other tenant's admin sees only their own tenant's rating", async () => {
    const { summary, lowRated } = feedbackReviewResponseSchema.parse((await review('otherAdmin', other.id)).body)
    expect({ up: summary.up, down: summary.down, answers: lowRated.map((entry) => entry.answer) }).toEqual({
      up: 0,
      down: 1,
      answers: ['Other tenant secret answer.'],
    })
  })

  it('the review functions refuse a member called directly, whatever tenant id they pass', async () => {
    for (const tenantId of [home.id, other.id]) {
      await expect(
        withUser(db, { sub: people.member }, (tx) => tx.query('select * from app_private.tenant_low_rated_answers($1, 10)', [tenantId])),
      ).rejects.toThrow(/admins/)
    }
  })

  it('a member cannot set the rating time directly: only rating stamps it', async () => {
    await expect(
      withUser(db, { sub: people.member }, (tx) =>
        tx.query("update public.tenant_messages set rated_at = now() - interval '1 year' where user_id = $1", [people.member]),
      ),
    ).rejects.toThrow(/permission denied/)
  })
})
