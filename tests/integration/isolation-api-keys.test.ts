import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { toPgVector } from '@/lib/ai/embeddings'
import { withApiKey, withService, withUser, type Queryable } from '@/lib/db'
import { hashSecret } from '@/lib/multi-tenant/api-keys/secret'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  attempt,
  countRows,
  plainStatement,
  seedIsolationWorld,
  type IsolationWorld,
  type Outcome,
  type Runner,
} from '../support/isolation-fixtures'

/*
 * A request made with an API key runs as `anon` with claims carrying only the hash of
 * the key's secret; the database looks the key up itself. These cases hold what such a
 * transaction reaches: its own tenant, within its scopes, while the key is live and the
 * tenant serves, and nothing of any other tenant. Each allowed case is paired with the
 * same statement denied to a key that lacks the scope, is dead, or belongs elsewhere.
 */

type KeySpec = { tenant: 'home' | 'other'; scopes: string[]; revoked?: boolean; expired?: boolean }
const KEYS = {
  homeChat: { tenant: 'home', scopes: ['chat'] },
  homeRead: { tenant: 'home', scopes: ['knowledge:read'] },
  homeWrite: { tenant: 'home', scopes: ['knowledge:write', 'usage:read'] },
  homeRevoked: { tenant: 'home', scopes: ['chat', 'knowledge:read'], revoked: true },
  homeExpired: { tenant: 'home', scopes: ['chat', 'knowledge:read'], expired: true },
  // The other tenant is private: a key reaches it all the same, visitors do not.
  otherAll: { tenant: 'other', scopes: ['chat', 'knowledge:read'] },
} satisfies Record<string, KeySpec>
type KeyName = keyof typeof KEYS

const secretOf = (name: string) => `oak_${name.padEnd(43, 'x')}`
const MODEL = new LocalEmbedder()

let db: TestDatabase
let world: IsolationWorld
const tenantOf = (name: KeyName) => (KEYS[name].tenant === 'home' ? world.home : world.other)
const asKey =
  (name: KeyName | 'unknown'): Runner =>
  (fn) =>
    withApiKey(db, hashSecret(secretOf(name)), fn)

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
  await withService(db, async (tx) => {
    for (const [name, spec] of Object.entries(KEYS) as [KeyName, KeySpec][]) {
      await tx.query(
        `insert into public.tenant_api_keys (tenant_id, name, prefix, secret_hash, scopes, revoked_at, expires_at)
         values ($1, $2, 'oak_test0000', $3, $4::text[], $5, $6)`,
        [
          tenantOf(name).id,
          name,
          hashSecret(secretOf(name)),
          spec.scopes,
          'revoked' in spec ? new Date() : null,
          'expired' in spec ? new Date(Date.now() - 60_000) : null,
        ],
      )
    }
    // Every chunk gets a real vector so the probes below can search by similarity.
    const chunks = await tx.query<{ id: string; content: string }>('select id, content from public.tenant_knowledge_chunks')
    for (const chunk of chunks) {
      await tx.query('update public.tenant_knowledge_chunks set embedding = $2::extensions.vector, embedding_model = $3 where id = $1', [
        chunk.id,
        toPgVector(MODEL.embedOne(chunk.content)),
        MODEL.model,
      ])
    }
  })
})
afterAll(async () => {
  await db.close()
})

const knowledgeOf = (tenantId: string) => countRows('public.tenant_knowledge where tenant_id = $1', [tenantId])
const chunksOf = (tenantId: string) => countRows('public.tenant_knowledge_chunks where tenant_id = $1', [tenantId])
const tenantRow = (tenantId: string) => countRows('public.tenants where id = $1', [tenantId])
const addDocument = (tenantId: string) =>
  plainStatement(
    "insert into public.tenant_knowledge (tenant_id, title, content, content_hash) values ($1, 'By key', 'Text.', md5('by key'))",
    [tenantId],
  )
const visiting = (tenantId: string) => countRows('(select 1 where app_private.visitor_tenant_id() = $1) v', [tenantId])

describe('what a key reaches in its own tenant', () => {
  const CASES: [string, KeyName | 'unknown', (c: { home: string; other: string }) => ReturnType<typeof countRows>, Outcome][] = [
    ['reads its tenant row with any scope', 'homeWrite', (t) => tenantRow(t.home), 'allow'],
    ['reads no tenant row when it is unknown', 'unknown', (t) => tenantRow(t.home), 'zero'],
    ['visits its tenant with chat (the oracle’s visitor path)', 'homeChat', (t) => visiting(t.home), 'allow'],
    ['does not visit without chat', 'homeRead', (t) => visiting(t.home), 'zero'],
    ['visits a private tenant with chat', 'otherAll', (t) => visiting(t.other), 'allow'],
    ['reads knowledge with knowledge:read', 'homeRead', (t) => knowledgeOf(t.home), 'allow'],
    ['reads documents with knowledge:write (adding one needs the duplicate check)', 'homeWrite', (t) => knowledgeOf(t.home), 'allow'],
    ['reads no chunks with knowledge:write and usage:read only', 'homeWrite', (t) => chunksOf(t.home), 'zero'],
    ['adds a document with knowledge:write', 'homeWrite', (t) => addDocument(t.home), 'allow'],
    ['reads usage with usage:read', 'homeWrite', (t) => countRows('public.tenant_usage where tenant_id = $1', [t.home]), 'allow'],
    ['reads no usage without usage:read', 'homeChat', (t) => countRows('public.tenant_usage where tenant_id = $1', [t.home]), 'zero'],
    ['adds no document without knowledge:write', 'homeRead', (t) => addDocument(t.home), 'check'],
    ['adds no document once revoked', 'homeRevoked', (t) => addDocument(t.home), 'check'],
    ['reads chunks with knowledge:read', 'homeRead', (t) => chunksOf(t.home), 'allow'],
    ['reads chunks with chat (retrieval for an answer)', 'homeChat', (t) => chunksOf(t.home), 'allow'],
    ['reads no chunks once revoked', 'homeRevoked', (t) => chunksOf(t.home), 'zero'],
    ['reads no chunks once expired', 'homeExpired', (t) => chunksOf(t.home), 'zero'],
    ['reads no tenant row once revoked', 'homeRevoked', (t) => tenantRow(t.home), 'zero'],
    [
      'reads search statistics with knowledge:read',
      'homeRead',
      (t) => countRows('public.tenant_search_stats where tenant_id = $1', [t.home]),
      'allow',
    ],
    [
      'reads no search statistics without it',
      'homeWrite',
      (t) => countRows('public.tenant_search_stats where tenant_id = $1', [t.home]),
      'zero',
    ],
  ]
  it.each(CASES)('a key %s', async (_label, key, statement, expected) => {
    expect(await attempt(asKey(key), statement({ home: world.home.id, other: world.other.id }))).toBe(expected)
  })
})

describe('what a key never reaches', () => {
  const CASES: [string, (c: { home: string; other: string }) => ReturnType<typeof countRows>, Outcome][] = [
    ['another tenant’s row', (t) => tenantRow(t.other), 'zero'],
    ['another tenant’s knowledge', (t) => knowledgeOf(t.other), 'zero'],
    ['another tenant’s chunks', (t) => chunksOf(t.other), 'zero'],
    ['a document added to another tenant', (t) => addDocument(t.other), 'check'],
    ['another tenant as a visitor', (t) => visiting(t.other), 'zero'],
    ['the keys table (not even its own tenant’s)', (t) => countRows('public.tenant_api_keys where tenant_id = $1', [t.home]), 'perm'],
    ['conversations', (t) => countRows('public.tenant_conversations where tenant_id = $1', [t.home]), 'perm'],
    ['usage of another tenant', (t) => countRows('public.tenant_usage where tenant_id = $1', [t.other]), 'zero'],
    ['members', (t) => countRows('public.tenant_users where tenant_id = $1', [t.home]), 'perm'],
  ]
  it.each(CASES)('a key of home with every scope reads no %s', async (_label, statement, expected) => {
    // The isolation world's fixture key has every scope; its hash is the SHA-256 of its tenant's id.
    const everything: Runner = (fn) => withApiKey(db, hashSecret(world.home.id), fn)
    expect(await attempt(everything, statement({ home: world.home.id, other: world.other.id }))).toBe(expected)
  })

  it('runs as anon, never as a superuser or the server', async () => {
    const rows = await asKey('homeChat')((tx) =>
      tx.query<{ who: string; server: boolean }>('select current_user as who, app_private.is_server_call() as server'),
    )
    expect(rows).toEqual([{ who: 'anon', server: false }])
  })

  it('gives a signed-in member nothing extra for carrying a key’s hash in their claims', async () => {
    const outsider = (fn: (tx: Queryable) => Promise<unknown>) =>
      withUser(db, { sub: world.other.adminId, api_key_hash: hashSecret(secretOf('homeChat')) }, fn)
    expect(await attempt(outsider as Runner, knowledgeOf(world.home.id))).toBe('zero')
    expect(await attempt(outsider as Runner, visiting(world.home.id))).toBe('zero')
  })

  it('finds only its own tenant’s chunks by vector, with every other tenant’s text as the query', async () => {
    const foreign = await withService(db, (tx) =>
      tx.query<{ content: string }>('select content from public.tenant_knowledge_chunks where tenant_id = $1', [world.other.id]),
    )
    expect(foreign.length).toBeGreaterThan(0)
    const seen = await asKey('homeRead')(async (tx) => {
      const tenants: string[] = []
      for (const chunk of foreign) {
        const rows = await tx.query<{ tenant_id: string }>(
          'select tenant_id from public.tenant_knowledge_chunks order by embedding <=> $1::extensions.vector limit 5',
          [toPgVector(MODEL.embedOne(chunk.content))],
        )
        tenants.push(...rows.map((row) => String(row.tenant_id)))
      }
      return tenants
    })
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen)).toEqual(new Set([world.home.id]))
  })
})

describe('app_private.api_key_caller', () => {
  const callerRow = (run: Runner) =>
    run((tx) =>
      tx.query<{ key_id: string; tenant_id: string; scopes: string[]; serving: boolean }>('select * from app_private.api_key_caller()'),
    )

  it('names the live key, its tenant and scopes, and records its use', async () => {
    const rows = await callerRow(asKey('homeChat'))
    expect(rows).toEqual([expect.objectContaining({ tenant_id: world.home.id, scopes: ['chat'], serving: true })])
    const used = await withService(db, (tx) =>
      tx.query<{ last_used_at: Date | null }>("select last_used_at from public.tenant_api_keys where name = 'homeChat'"),
    )
    expect(used[0]?.last_used_at).not.toBeNull()
  })

  it('names nothing for a revoked, an expired or an unknown key, and records no use of them', async () => {
    expect(await callerRow(asKey('homeRevoked'))).toEqual([])
    expect(await callerRow(asKey('homeExpired'))).toEqual([])
    expect(await callerRow(asKey('unknown'))).toEqual([])
    const used = await withService(db, (tx) =>
      tx.query<{ n: number }>(
        "select count(*)::int as n from public.tenant_api_keys where name in ('homeRevoked', 'homeExpired') and last_used_at is not null",
      ),
    )
    expect(used).toEqual([{ n: 0 }])
  })

  it('cannot be called by a signed-in member', async () => {
    const member: Runner = (fn) => withUser(db, { sub: world.home.adminId, api_key_hash: hashSecret(secretOf('homeChat')) }, fn)
    expect(await attempt(member, countRows('app_private.api_key_caller()'))).toBe('perm')
  })

  it('reports a suspended tenant’s key as not serving, and that key reads nothing', async () => {
    await withService(db, (tx) => tx.query("update public.tenants set status = 'suspended' where id = $1", [world.other.id]))
    try {
      expect(await callerRow(asKey('otherAll'))).toEqual([expect.objectContaining({ tenant_id: world.other.id, serving: false })])
      expect(await attempt(asKey('otherAll'), chunksOf(world.other.id))).toBe('zero')
    } finally {
      await withService(db, (tx) => tx.query("update public.tenants set status = 'active' where id = $1", [world.other.id]))
    }
  })
})

describe('revocation in the database', () => {
  it('is final: a revoked key cannot be restored, even by the server', async () => {
    const restore = withService(db, (tx) => tx.query("update public.tenant_api_keys set revoked_at = null where name = 'homeRevoked'"))
    await expect(restore).rejects.toMatchObject({ code: 'OR409' })
  })
})
