import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as askOracle } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests, withService, withUser, type Claims } from '@/lib/db'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { fillStorage, storageBalance } from '../support/jobs'
import { oracleRequest, signedInMember, slugParams } from './oracle-world'

/*
 * Messages are stored text: whoever writes them (the app, or a Supabase client with a
 * member's own token), they count towards the tenant's storage and stop at its limit
 * (20261206040100_message_storage.sql).
 */

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

async function tenantWithMember(slug: string, storageMb: number | null): Promise<{ id: string; member: Claims }> {
  const { id } = await createTenant(db, { slug, limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb, members: null } })
  const user = await createUser(db, { email: `${slug}@example.com` })
  await addMember(db, id, user.userId, 'user')
  return { id, member: { sub: user.userId, email: user.email } }
}

function startConversation(tenant: { id: string; member: Claims }): Promise<string> {
  return withUser(db, tenant.member, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2) returning id',
      [tenant.id, tenant.member.sub],
    )
    return String(rows[0]?.id)
  })
}

function postDirectly(tenant: { id: string; member: Claims }, conversationId: string, contents: string[]) {
  return withUser(db, tenant.member, (tx) =>
    tx.query(
      `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content)
       select $1, $2, $3, 'user', c from unnest($4::text[]) as c`,
      [tenant.id, conversationId, tenant.member.sub, contents],
    ),
  )
}

describe('message storage', () => {
  it("counts a member's directly inserted messages (text and sources, in UTF-8 bytes) and releases them with the conversation", async () => {
    const tenant = await tenantWithMember('msg-count', null)
    const conversationId = await startConversation(tenant)
    await postDirectly(tenant, conversationId, ['Grüße aus Köln.', 'A second message.'])
    const counted = Buffer.byteLength('Grüße aus Köln.') + Buffer.byteLength('A second message.') + 2 * Buffer.byteLength('[]')
    expect(await storageBalance(db, tenant.id)).toEqual({ counted, stored: counted })
    await withUser(db, tenant.member, (tx) => tx.query('delete from public.tenant_conversations where id = $1', [conversationId]))
    expect(await storageBalance(db, tenant.id)).toEqual({ counted: 0, stored: 0 })
  })

  it('refuses a directly inserted message that would pass the storage limit (OR413), and stores nothing of it', async () => {
    const tenant = await tenantWithMember('msg-full', 1)
    await fillStorage(db, tenant.id, 1024 * 1024 - 50)
    const conversationId = await startConversation(tenant)
    await expect(postDirectly(tenant, conversationId, ['x'.repeat(60)])).rejects.toMatchObject({ code: 'OR413' })
    await expect(postDirectly(tenant, conversationId, ['x'.repeat(40)])).resolves.toBeDefined()
    const [row] = await withService(db, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from public.tenant_messages where tenant_id = $1', [tenant.id]),
    )
    expect(row?.n).toBe(1)
  })

  it("counts a change of a stored message's text by the difference", async () => {
    const tenant = await tenantWithMember('msg-change', null)
    const conversationId = await startConversation(tenant)
    await postDirectly(tenant, conversationId, ['short'])
    await withService(db, (tx) => tx.query("update public.tenant_messages set content = 'a longer text' where tenant_id = $1", [tenant.id]))
    const counted = Buffer.byteLength('a longer text') + 2
    expect(await storageBalance(db, tenant.id)).toEqual({ counted, stored: counted })
  })

  it("refuses a member's question with 413 storage_full before the model answers when the tenant's storage is full, and counts nothing", async () => {
    const { id, slug } = await createTenant(db, {
      slug: 'msg-ask-full',
      limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb: 1, members: null },
    })
    const member = await signedInMember(db, id, 'asker@msg-ask-full.test')
    await fillStorage(db, id, 1024 * 1024)
    const response = await askOracle(
      oracleRequest(slug, { input: 'What are the opening hours?' }, { cookie: member.cookie }),
      slugParams({ slug }),
    )
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'storage_full' } })
    const [usage] = await withService(db, (tx) =>
      tx.query<{ conversations: number; messages: number }>(
        `select coalesce((select conversations from public.tenant_usage where tenant_id = $1 order by period desc limit 1), 0)::int as conversations,
                (select count(*) from public.tenant_messages where tenant_id = $1)::int as messages`,
        [id],
      ),
    )
    expect(usage).toEqual({ conversations: 0, messages: 0 })
  })

  it("tells nobody but the tenant's own people whether its storage is full", async () => {
    const full = await tenantWithMember('msg-probe-full', 1)
    const stranger = await tenantWithMember('msg-probe-other', null)
    await fillStorage(db, full.id, 1024 * 1024)
    const probe = (claims: Claims) => withUser(db, claims, (tx) => tx.query('select app_private.assert_storage_room($1)', [full.id]))
    await expect(probe(full.member)).rejects.toMatchObject({ code: 'OR413' })
    await expect(probe(stranger.member)).resolves.toBeDefined()
  })
})
