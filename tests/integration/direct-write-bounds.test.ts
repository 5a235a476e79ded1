import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabaseForTests, withService, withUser, type Claims } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'

/*
 * What a Supabase client could write with a member's own token, around the app: the
 * database bounds it (20261203008400_direct_write_bounds.sql), whoever writes.
 */

let db: TestDatabase
let world: AdminWorld
let admin: Claims
let user: Claims
let knowledgeId: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'dw')
  admin = { sub: world.home.admin.userId, email: world.home.admin.email }
  user = { sub: world.home.user.userId, email: world.home.user.email }
  const rows = await withUser(db, admin, (tx) =>
    tx.query<{ id: string }>(
      "insert into public.tenant_knowledge (tenant_id, title, content, content_hash) values ($1, 'Doc', 'Some text.', md5('Some text.')) returning id",
      [world.home.id],
    ),
  )
  knowledgeId = String(rows[0]?.id)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const TOO_LONG = 'z'.repeat(200_000)

describe('direct writes with a member token are bounded by the database', () => {
  it('a tenant admin cannot insert chunks directly, whose bytes no storage counter would see (the app adds them as the server)', async () => {
    const insert = (content: string) =>
      withUser(db, admin, (tx) =>
        tx.query(
          `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
           values ($1, $2, 0, $3, 'direct')`,
          [world.home.id, knowledgeId, content],
        ),
      )
    await expect(insert(TOO_LONG)).rejects.toMatchObject({ code: '42501' })
    await expect(insert('A chunk of ordinary size.')).rejects.toMatchObject({ code: '42501' })
  })

  it('even the server cannot store an oversized chunk', async () => {
    const insert = (content: string) =>
      withService(db, (tx) =>
        tx.query(
          `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
           values ($1, $2, 0, $3, 'direct')`,
          [world.home.id, knowledgeId, content],
        ),
      )
    await expect(insert(TOO_LONG)).rejects.toMatchObject({ code: '23514' })
    await expect(insert('A chunk of ordinary size.')).resolves.toBeDefined()
  })

  it("a tenant admin cannot set a document's chunk count that would skew every search", async () => {
    await expect(
      withUser(db, admin, (tx) => tx.query('update public.tenant_knowledge set chunk_count = 2000000000 where id = $1', [knowledgeId])),
    ).rejects.toMatchObject({ code: '23514' })
  })

  it('a member cannot store an oversized message or conversation count', async () => {
    const conversation = await withUser(db, user, (tx) =>
      tx.query<{ id: string }>('insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2) returning id', [
        world.home.id,
        user.sub,
      ]),
    )
    const conversationId = conversation[0]?.id
    await expect(
      withUser(db, user, (tx) =>
        tx.query(
          `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', $4)`,
          [world.home.id, conversationId, user.sub, TOO_LONG],
        ),
      ),
    ).rejects.toMatchObject({ code: '23514' })
    await expect(
      withUser(db, user, (tx) => tx.query('update public.tenant_conversations set message_count = -5 where id = $1', [conversationId])),
    ).rejects.toMatchObject({ code: '23514' })
  })
  it("a member cannot store sources other than the oracle's passages, nor too many or too large", async () => {
    const conversation = await withUser(db, user, (tx) =>
      tx.query<{ id: string }>('insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2) returning id', [
        world.home.id,
        user.sub,
      ]),
    )
    const post = (sources: unknown) =>
      withUser(db, user, (tx) =>
        tx.query(
          `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content, sources)
           values ($1, $2, $3, 'assistant', 'An answer.', $4::text::jsonb)`,
          [world.home.id, conversation[0]?.id, user.sub, JSON.stringify(sources)],
        ),
      )
    const passage = { id: 'c1', knowledgeId: 'k1', title: 'Doc', snippet: 'A passage.', score: 0.8 }
    await expect(post({ not: 'an array' })).rejects.toMatchObject({ code: '23514' })
    await expect(post(['a string'])).rejects.toMatchObject({ code: '23514' })
    await expect(post([{ ...passage, script: '<img onerror=alert(1)>' }])).rejects.toMatchObject({ code: '23514' })
    await expect(post([{ ...passage, score: 'high' }])).rejects.toMatchObject({ code: '23514' })
    await expect(post([{ ...passage, title: TOO_LONG }])).rejects.toMatchObject({ code: '23514' })
    await expect(post(Array.from({ length: 21 }, () => passage))).rejects.toMatchObject({ code: '23514' })
    await expect(post([passage, { ...passage, id: 'c2' }])).resolves.toBeDefined()
  })
  it('a source may say which collection or personal document it came from, in the oracle contract shape only', async () => {
    const conversation = await withUser(db, user, (tx) =>
      tx.query<{ id: string }>('insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2) returning id', [
        world.home.id,
        user.sub,
      ]),
    )
    const post = (origin: unknown) =>
      withUser(db, user, (tx) =>
        tx.query(
          `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content, sources)
           values ($1, $2, $3, 'assistant', 'An answer.', $4::text::jsonb)`,
          [
            world.home.id,
            conversation[0]?.id,
            user.sub,
            JSON.stringify([{ id: 'c1', knowledgeId: 'k1', title: 'Doc', snippet: 'A passage.', score: 0.8, origin }]),
          ],
        ),
      )
    await expect(post({ kind: 'collection', collectionId: 'col-1', name: 'Handbook' })).resolves.toBeDefined()
    await expect(post({ kind: 'personal' })).resolves.toBeDefined()
    await expect(post({ kind: 'personal', ownerEmail: 'someone@home.test' })).rejects.toMatchObject({ code: '23514' })
    await expect(post({ kind: 'collection', collectionId: 'col-1' })).rejects.toMatchObject({ code: '23514' })
    await expect(post({ kind: 'collection', collectionId: 'col-1', name: TOO_LONG })).rejects.toMatchObject({ code: '23514' })
    await expect(post('personal')).rejects.toMatchObject({ code: '23514' })
  })
})
