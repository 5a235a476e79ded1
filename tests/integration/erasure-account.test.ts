import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as ask } from '@/app/api/tenant/[slug]/oracle/route'
import { POST as rate } from '@/app/api/tenant/[slug]/messages/[id]/feedback/route'
import { DELETE as deleteAccountRoute } from '@/app/api/auth/account/route'
import { POST as inviteRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { POST as createTierRoute } from '@/app/api/admin/tenants/[id]/tiers/route'
import { PATCH as patchMember, PUT as putMember } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { apiRequest, withoutParams } from '../support/auth'
import { answer } from '../support/route-calls'
import { findResidue } from '../support/residue'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

let db: TestDatabase

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const deleteAccount = withoutParams(deleteAccountRoute)
const WORDS = 'Quetzalcoatl prefers marmalade on Thursdays'

async function question(slug: string, person: Member, input: string) {
  const response = await ask(oracleRequest(slug, { input }, { cookie: person.cookie }), slugParams({ slug }))
  expect(response.status).toBe(200)
  return (await response.json()) as { conversationId: string; messageId: string }
}

describe('deleting an account', () => {
  it('leaves no row in any table holding the person’s id, email or the words they wrote, and every audit chain still verifies', async () => {
    const tenant = await createLimitedTenant(db, { slug: 'erasure-home' }, {})
    const owner = await signedInMember(db, tenant.id, 'owner@erasure.test', 'admin')
    const leaving = await signedInMember(db, tenant.id, 'leaving.person@erasure.test', 'admin')
    const bystander = await signedInMember(db, tenant.id, 'bystander@erasure.test')

    // A footprint: questions and feedback, a tier and its use, invitations sent and received,
    // audit rows as actor and as target, sessions.
    const asked = await question(tenant.slug, leaving, WORDS)
    const rated = await rate(
      apiRequest(`/api/tenant/${tenant.slug}/messages/${asked.messageId}/feedback`, {
        method: 'POST',
        body: { value: 1 },
        cookie: leaving.cookie,
      }),
      slugParams({ slug: tenant.slug, id: asked.messageId }),
    )
    expect(rated.status).toBe(200)
    const tier = await answer(createTierRoute, { id: tenant.id }, `/api/admin/tenants/${tenant.id}/tiers`, {
      method: 'POST',
      body: { name: 'Basic', messagesPerMonth: 100, tokensPerMonth: null },
      cookie: leaving.cookie,
    })
    const tierId = (tier.body as { tier: { id: string } }).tier.id
    await answer(putMember, { id: tenant.id, userId: bystander.userId }, `/api/admin/tenants/${tenant.id}/members/${bystander.userId}`, {
      method: 'PUT',
      body: { tierId },
      cookie: leaving.cookie,
    })
    await answer(patchMember, { id: tenant.id, userId: leaving.userId }, `/api/admin/tenants/${tenant.id}/members/${leaving.userId}`, {
      method: 'PATCH',
      body: { role: 'user' },
      cookie: owner.cookie,
    })
    const invited = await answer(inviteRoute, { id: tenant.id }, `/api/admin/tenants/${tenant.id}/members`, {
      method: 'POST',
      body: { email: 'someone.new@erasure.test', role: 'user' },
      cookie: owner.cookie,
    })
    expect(invited.status).toBe(201)
    const other = await createLimitedTenant(db, { slug: 'erasure-other' }, {})
    const otherOwner = await signedInMember(db, other.id, 'other.owner@erasure.test', 'admin')
    const invitedThere = await answer(inviteRoute, { id: other.id }, `/api/admin/tenants/${other.id}/members`, {
      method: 'POST',
      body: { email: leaving.email, role: 'user' },
      cookie: otherOwner.cookie,
    })
    expect(invitedThere.status).toBe(201)
    await question(tenant.slug, bystander, 'A bystander asks something else')

    const before = await findResidue(db, [leaving.userId, leaving.email, WORDS])
    expect(new Set(before.map((found) => found.table))).toEqual(
      new Set([
        'public.audit_logs',
        'public.mail_outbox',
        'public.tenant_conversations',
        'public.tenant_invitations',
        'public.tenant_member_usage',
        'public.tenant_messages',
        'public.tenant_users',
      ]),
    )

    const response = await deleteAccount(apiRequest('/api/auth/account', { method: 'DELETE', cookie: leaving.cookie }))
    expect(response.status).toBe(204)

    expect(await findResidue(db, [leaving.userId, leaving.email, WORDS])).toEqual([])
    const chains = await withService(db, (tx) =>
      tx.query<{ ok: boolean }>('select (app_private.verify_audit_chain(t)).ok from unnest(array[$1::uuid, $2::uuid, null::uuid]) as t', [
        tenant.id,
        other.id,
      ]),
    )
    expect(chains.map((row) => row.ok)).toEqual([true, true, true])
    // What others did stays: the bystander's thread, and the audit rows, under a pseudonym.
    const kept = await withService(db, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from public.tenant_conversations where user_id = $1', [bystander.userId]),
    )
    expect(kept[0]?.n).toBe(1)
    const audit = await withService(db, (tx) =>
      tx.query<{ action: string; actor_id: string | null; target_id: string | null }>(
        "select action, actor_id, target_id from public.audit_logs where tenant_id = $1 and action in ('tier.create', 'member.role_change', 'member.remove') order by id",
        [tenant.id],
      ),
    )
    expect(audit.map((row) => row.action)).toEqual(['tier.create', 'member.role_change', 'member.remove'])
    const [created, demoted, removed] = audit
    expect(created?.actor_id).toBe(demoted?.target_id)
    expect(removed?.target_id).toBe(created?.actor_id)
  })

  it('pseudonymises an address only where it stands whole, never inside someone else’s, and the chain still verifies', async () => {
    const tenant = await createLimitedTenant(db, { slug: 'erasure-boundaries' }, {})
    const emails = ['jimbob@x.test', 'bob@x.test', 'bob@x.test.example', 'Bob@X.test']
    const rows = await withService(db, async (tx) => {
      for (const email of emails) {
        await tx.query(
          "select app_private.write_audit($1, 'member.invite', 'invitation', null, null, jsonb_build_object('email', $2::text))",
          [tenant.id, email],
        )
      }
      const [changed] = await tx.query<{ n: number }>("select app_private.pseudonymise_audit(array['bob@x.test'], gen_random_uuid()) as n")
      const after = await tx.query<{ email: string }>(
        "select after ->> 'email' as email from public.audit_logs where tenant_id = $1 order by id",
        [tenant.id],
      )
      const [chain] = await tx.query<{ ok: boolean }>('select ok from app_private.verify_audit_chain($1)', [tenant.id])
      return { changed: changed?.n, emails: after.map((row) => row.email), ok: chain?.ok }
    })
    expect(rows.changed).toBe(2)
    expect(rows.emails[0]).toBe('jimbob@x.test')
    expect(rows.emails[1]).toMatch(/^[0-9a-f-]{36}$/)
    expect(rows.emails[2]).toBe('bob@x.test.example')
    expect(rows.emails[3]).toBe(rows.emails[1])
    expect(rows.ok).toBe(true)
  })
})
