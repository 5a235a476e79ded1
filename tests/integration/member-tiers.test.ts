import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as ask } from '@/app/api/tenant/[slug]/oracle/route'
import { GET as listTiersRoute, POST as createTierRoute } from '@/app/api/admin/tenants/[id]/tiers/route'
import { DELETE as deleteTierRoute, PUT as updateTierRoute } from '@/app/api/admin/tenants/[id]/tiers/[tierId]/route'
import { PATCH as patchMember, PUT as putMember } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { tierListResponseSchema, tierResponseSchema, updatedMemberResponseSchema } from '@/lib/contracts/tiers'
import { setDatabaseForTests, withService } from '@/lib/db'
import { secondsToNextPeriod } from '@/lib/multi-tenant/usage'
import { startFakeOpenAI } from '../support/fake-openai'
import { answer, expectContract, expectNoContent } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, oracleRequest, signedInMember, slugParams, usageRow, useLanguageModel, type Member } from './oracle-world'

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let basic: Member
let free: Member
let stranger: Member

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createLimitedTenant(
    db,
    { slug: 'tiered' },
    { conversationsPerMonth: null, tokensPerMonth: null, storageMb: null, members: null },
  )
  admin = await signedInMember(db, tenant.id, 'admin@tiered.test', 'admin')
  basic = await signedInMember(db, tenant.id, 'basic@tiered.test')
  free = await signedInMember(db, tenant.id, 'free@tiered.test')
  const other = await createLimitedTenant(db, { slug: 'untiered' }, {})
  stranger = await signedInMember(db, other.id, 'admin@untiered.test', 'admin')
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const tiersPath = () => `/api/admin/tenants/${tenant.id}/tiers`

async function createTier(body: unknown, cookie = admin.cookie) {
  return answer(createTierRoute, { id: tenant.id }, tiersPath(), { method: 'POST', body, cookie })
}

async function assign(userId: string, body: unknown, cookie = admin.cookie) {
  return answer(putMember, { id: tenant.id, userId }, `/api/admin/tenants/${tenant.id}/members/${userId}`, { method: 'PUT', body, cookie })
}

async function question(person: Member, input: string) {
  const response = await ask(oracleRequest(tenant.slug, { input }, { cookie: person.cookie }), slugParams({ slug: tenant.slug }))
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { error?: { code: string; details?: unknown } },
  }
}

describe('tenant admins define tiers and put members in them', () => {
  it('creates, lists, renames and deletes a tier, each audited, and refuses a taken name with 409', async () => {
    const created = expectContract(
      tierResponseSchema,
      await createTier({ name: 'Scratch', messagesPerMonth: 5, tokensPerMonth: null }),
      201,
    )
    expect(created.tier).toMatchObject({ name: 'Scratch', messagesPerMonth: 5, tokensPerMonth: null, members: 0 })
    expect((await createTier({ name: ' scratch ', messagesPerMonth: 1, tokensPerMonth: 1 })).status).toBe(409)

    const path = `${tiersPath()}/${created.tier.id}`
    const renamed = await answer(updateTierRoute, { id: tenant.id, tierId: created.tier.id }, path, {
      method: 'PUT',
      body: { name: 'Professional', messagesPerMonth: 500, tokensPerMonth: 100000 },
      cookie: admin.cookie,
    })
    expect(expectContract(tierResponseSchema, renamed, 200).tier).toMatchObject({ name: 'Professional', messagesPerMonth: 500 })

    expectNoContent(
      await answer(deleteTierRoute, { id: tenant.id, tierId: created.tier.id }, path, { method: 'DELETE', cookie: admin.cookie }),
    )
    const actions = await withService(db, (tx) =>
      tx.query<{ action: string }>("select action from public.audit_logs where tenant_id = $1 and action like 'tier.%' order by id", [
        tenant.id,
      ]),
    )
    expect(actions.map((row) => row.action)).toEqual(['tier.create', 'tier.update', 'tier.delete'])
  })

  it('refuses a negative or fractional allowance with 400 naming the field', async () => {
    const reply = await createTier({ name: 'Odd', messagesPerMonth: -1, tokensPerMonth: 1.5 })
    expect(reply.status).toBe(400)
    expect(Object.keys((reply.body as { error: { details: { fields: object } } }).error.details.fields).sort()).toEqual([
      'messagesPerMonth',
      'tokensPerMonth',
    ])
  })

  it('keeps tiers from members, other tenants, unknown tiers and another tenant’s tier: 403, 404, 404, 404', async () => {
    expect((await createTier({ name: 'Mine', messagesPerMonth: 1, tokensPerMonth: 1 }, basic.cookie)).status).toBe(403)
    expect((await createTier({ name: 'Theirs', messagesPerMonth: 1, tokensPerMonth: 1 }, stranger.cookie)).status).toBe(404)
    const unknownTier = await assign(basic.userId, { tierId: '00000000-0000-4000-8000-000000000000' })
    expect(unknownTier.status).toBe(404)
    const [foreign] = await withService(db, (tx) =>
      tx.query<{ id: string }>(
        "insert into public.tenant_member_tiers (tenant_id, name) select tenant_id, 'Theirs' from public.tenant_users where user_id = $1 returning id",
        [stranger.userId],
      ),
    )
    expect((await assign(basic.userId, { tierId: foreign?.id })).status).toBe(404)
  })

  it('assigns a tier with PUT and changes the role with it, while PATCH still changes the role alone', async () => {
    const tier = expectContract(
      tierResponseSchema,
      await createTier({ name: 'Viewer tier', messagesPerMonth: 3, tokensPerMonth: null }),
      201,
    ).tier
    const target = await signedInMember(db, tenant.id, 'both@tiered.test')
    const updated = expectContract(updatedMemberResponseSchema, await assign(target.userId, { role: 'viewer', tierId: tier.id }), 200)
    expect(updated.member).toMatchObject({ userId: target.userId, role: 'viewer', tierId: tier.id })
    const patched = await answer(
      patchMember,
      { id: tenant.id, userId: target.userId },
      `/api/admin/tenants/${tenant.id}/members/${target.userId}`,
      {
        method: 'PATCH',
        body: { role: 'user' },
        cookie: admin.cookie,
      },
    )
    expect(patched.status).toBe(200)
    expect(expectContract(updatedMemberResponseSchema, await assign(target.userId, { tierId: null }), 200).member.tierId).toBeNull()
    expect((await assign(target.userId, {})).status).toBe(400)
  })
})

describe('a member at their tier quota', () => {
  it('gets 429 member_limit_reached with the reason and Retry-After, while a member of no tier still chats', async () => {
    const tier = expectContract(
      tierResponseSchema,
      await createTier({ name: 'Basic', messagesPerMonth: 2, tokensPerMonth: null }),
      201,
    ).tier
    expect((await assign(basic.userId, { tierId: tier.id })).status).toBe(200)

    expect((await question(basic, 'What is the first phase?')).status).toBe(200)
    expect((await question(basic, 'And the second one?')).status).toBe(200)
    const before = await usageRow(db, tenant.id)
    const refused = await question(basic, 'One more, please')
    expect(refused.status).toBe(429)
    expect(refused.body.error).toMatchObject({ code: 'member_limit_reached', details: { reason: 'messages' } })
    expect(Math.abs(Number(refused.headers.get('retry-after')) - secondsToNextPeriod())).toBeLessThanOrEqual(60)
    // The refusal took nothing of the tenant's month.
    expect(await usageRow(db, tenant.id)).toEqual(before)

    expect((await question(free, 'Can I still ask?')).status).toBe(200)
    expect((await question(admin, 'And me?')).status).toBe(200)

    const list = expectContract(
      tierListResponseSchema,
      await answer(listTiersRoute, { id: tenant.id }, tiersPath(), { cookie: admin.cookie }),
      200,
    )
    const use = Object.fromEntries(list.members.map((member) => [member.email, member]))
    expect(use[basic.email]).toMatchObject({ tierId: tier.id, messages: 2 })
    expect(use[free.email]).toMatchObject({ tierId: null, messages: 1 })
    expect(list.tiers.find((t) => t.id === tier.id)?.members).toBe(1)
  })

  it('counts the tokens the tenant counted for the member’s answer and refuses with reason tokens once the next answer would pass the tier', async () => {
    const fake = await startFakeOpenAI({ replyText: 'An answer.', usage: { prompt_tokens: 1_400, completion_tokens: 100 } })
    useLanguageModel({ url: fake.url, timeoutMs: 5_000 })
    try {
      const tier = expectContract(
        tierResponseSchema,
        await createTier({ name: 'Tokens', messagesPerMonth: 100, tokensPerMonth: 1_000_000 }),
        201,
      ).tier
      const person = await signedInMember(db, tenant.id, 'tokens@tiered.test')
      await assign(person.userId, { tierId: tier.id })
      const tenantBefore = await usageRow(db, tenant.id)
      expect((await question(person, 'A first question with a model')).status).toBe(200)
      const tenantAfter = await usageRow(db, tenant.id)
      const spent = tenantAfter.tokens_in + tenantAfter.tokens_out - tenantBefore.tokens_in - tenantBefore.tokens_out
      expect(spent).toBeGreaterThan(0)
      // The tier keeps 100 tokens after what was spent, fewer than any answer's reservation.
      await answer(updateTierRoute, { id: tenant.id, tierId: tier.id }, `${tiersPath()}/${tier.id}`, {
        method: 'PUT',
        body: { name: 'Tokens', messagesPerMonth: 100, tokensPerMonth: spent + 100 },
        cookie: admin.cookie,
      })
      const refused = await question(person, 'Any tokens left for me?')
      expect(refused.status).toBe(429)
      expect(refused.body.error).toMatchObject({ code: 'member_limit_reached', details: { reason: 'tokens' } })
      const list = expectContract(
        tierListResponseSchema,
        await answer(listTiersRoute, { id: tenant.id }, tiersPath(), { cookie: admin.cookie }),
        200,
      )
      expect(list.members.find((member) => member.userId === person.userId)).toMatchObject({ messages: 1, tokens: spent })
    } finally {
      await fake.close()
      useLanguageModel({})
    }
  })

  it('chats again once the admin raises the tier', async () => {
    const list = expectContract(
      tierListResponseSchema,
      await answer(listTiersRoute, { id: tenant.id }, tiersPath(), { cookie: admin.cookie }),
      200,
    )
    const tier = list.tiers.find((t) => t.name === 'Basic')
    if (!tier) throw new Error('the Basic tier is missing')
    await answer(updateTierRoute, { id: tenant.id, tierId: tier.id }, `${tiersPath()}/${tier.id}`, {
      method: 'PUT',
      body: { name: 'Basic', messagesPerMonth: 3, tokensPerMonth: null },
      cookie: admin.cookie,
    })
    expect((await question(basic, 'Now may I?')).status).toBe(200)
  })
})
