import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getConversationRoute } from '@/app/api/tenant/[slug]/conversations/[id]/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { conversationResponseSchema } from '@/lib/contracts/conversations'
import { setDatabaseForTests, withService } from '@/lib/db'
import { apiRequest, createTenant } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/* A thread's messages come a page at a time, and a thread holds at most 1,000 of them. */

let db: TestDatabase
let tenant: { id: string; slug: string }
let member: Member

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'long-threads' })
  member = await signedInMember(db, tenant.id, 'talker@long-threads.test', 'user')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

/** A thread of `count` messages, alternating question and answer, numbered in their content. */
async function threadOf(count: number): Promise<string> {
  return withService(db, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `insert into public.tenant_conversations (tenant_id, user_id, title, message_count) values ($1, $2, 'Long', $3) returning id`,
      [tenant.id, member.userId, count],
    )
    const id = String(rows[0]?.id)
    await tx.query(
      `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content, created_at)
       select $1, $2, $3, case when i % 2 = 1 then 'user' else 'assistant' end, 'message ' || i,
              now() - interval '1 day' + i * interval '1 second'
         from generate_series(1, $4::int) as i`,
      [tenant.id, id, member.userId, count],
    )
    return id
  })
}

async function page(id: string, query = '') {
  const response = await getConversationRoute(
    apiRequest(`/api/tenant/${tenant.slug}/conversations/${id}${query}`, { cookie: member.cookie }),
    {
      params: Promise.resolve({ slug: tenant.slug, id }),
    },
  )
  return { status: response.status, body: await response.json() }
}

describe("a thread's messages", () => {
  it('come as the latest 100, oldest first, with a cursor that walks back to the first without gaps or repeats', async () => {
    const id = await threadOf(250)
    const seen: string[] = []
    let cursor: number | null | undefined
    let pages = 0
    do {
      const { status, body } = await page(id, cursor ? `?cursor=${cursor}` : '')
      expect(status).toBe(200)
      const parsed = conversationResponseSchema.parse(body)
      seen.unshift(...parsed.conversation.messages.map((message) => message.content))
      cursor = parsed.nextCursor
      pages += 1
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `message ${i + 1}`))
  })

  it('take a page size up to 200 and refuse a bad one with 400', async () => {
    const id = await threadOf(30)
    const small = conversationResponseSchema.parse((await page(id, '?limit=10')).body)
    expect(small.conversation.messages.map((message) => message.content)).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i + 21}`))
    expect(small.nextCursor).toBe(21)
    expect((await page(id, '?limit=0')).status).toBe(400)
    expect((await page(id, '?limit=201')).status).toBe(400)
    expect((await page(id, '?cursor=-3')).status).toBe(400)
  })
})

describe('a full thread', () => {
  it('refuses the next question with 429 before the model is asked, and a direct insert past 1,000 is refused too', async () => {
    const id = await threadOf(999)
    const response = await oracleRoute(
      oracleRequest(tenant.slug, { input: 'One more question?', conversationId: id }, { cookie: member.cookie }),
      slugParams({ slug: tenant.slug }),
    )
    expect(response.status).toBe(429)
    expect((await response.json()).error.code).toBe('limit_reached')
    await withService(db, (tx) =>
      tx.query(
        `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'fits')`,
        [tenant.id, id, member.userId],
      ),
    )
    await expect(
      withService(db, (tx) =>
        tx.query(
          `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'too many')`,
          [tenant.id, id, member.userId],
        ),
      ),
    ).rejects.toMatchObject({ code: 'OR429' })
  })
})
