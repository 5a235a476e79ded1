import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as knowledgeRoute } from '@/app/api/v1/knowledge/route'
import { POST as searchRoute } from '@/app/api/v1/search/route'
import type { ApiKeyScope } from '@/lib/contracts/api-keys'
import { errorBodySchema } from '@/lib/contracts/errors'
import { knowledgeCreatedResponseSchema, knowledgeSearchResponseSchema } from '@/lib/contracts/knowledge'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { createApiKey } from '@/lib/multi-tenant/api-keys'
import { addMember, createTenant, createUser } from '../support/auth'
import { startRouteServer, type RouteServer } from '../support/route-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { useLanguageModel } from './oracle-world'

/* POST /api/v1/knowledge: a key with knowledge:write adds documents to its own tenant, and only there. */

let db: TestDatabase
let server: RouteServer
let acme: { id: string }
let globex: { id: string }
const keys: Record<string, string> = {}

async function keyFor(tenantId: string, scopes: ApiKeyScope[]): Promise<string> {
  const admin = await createUser(db, { email: `admin-${scopes.join('-')}-${tenantId.slice(0, 8)}@example.com` })
  await addMember(db, tenantId, admin.userId, 'admin')
  return (await createApiKey(actingAs(db, { sub: admin.userId }), tenantId, { name: scopes.join(' '), scopes })).secret
}

const post = async (path: string, key: string, body: unknown) => {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as unknown }
}
const documentsOf = (tenantId: string) =>
  withService(db, (tx) =>
    tx.query<{ title: string; created_by: string | null }>('select title, created_by from public.tenant_knowledge where tenant_id = $1', [
      tenantId,
    ]),
  )

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  acme = await createTenant(db, { slug: 'acme-write', name: 'Acme' })
  globex = await createTenant(db, { slug: 'globex-write', name: 'Globex' })
  keys.write = await keyFor(acme.id, ['knowledge:write'])
  keys.read = await keyFor(acme.id, ['knowledge:read'])
  keys.globexRead = await keyFor(globex.id, ['knowledge:read'])
  server = await startRouteServer({ '/api/v1/knowledge': { POST: knowledgeRoute }, '/api/v1/search': { POST: searchRoute } })
})
afterAll(async () => {
  await server.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('adding a document with a key', () => {
  it('stores it in the key’s tenant, searchable there, counted and audited, with no member as its author', async () => {
    const reply = await post('/knowledge', keys.write ?? '', {
      title: 'Returns',
      content: 'Acme takes returns of unopened anvils within thirty days of delivery.',
      tenantId: globex.id,
    })
    expect(reply.status).toBe(201)
    const created = knowledgeCreatedResponseSchema.parse(reply.body)
    expect(await documentsOf(acme.id)).toEqual([{ title: 'Returns', created_by: null }])
    expect(await documentsOf(globex.id)).toEqual([])
    const found = knowledgeSearchResponseSchema.parse(
      (await post('/search', keys.read ?? '', { query: 'returns of unopened anvils' })).body,
    )
    expect(found.results.map((result) => result.knowledgeId)).toContain(created.id)
    const elsewhere = knowledgeSearchResponseSchema.parse(
      (await post('/search', keys.globexRead ?? '', { query: 'returns of unopened anvils', matchThreshold: 0 })).body,
    )
    expect(elsewhere.results).toEqual([])
    const [usage] = await withService(db, (tx) =>
      tx.query<{ storage_bytes: number }>(
        'select storage_bytes::int from public.tenant_usage where tenant_id = $1 order by period desc limit 1',
        [acme.id],
      ),
    )
    expect(usage?.storage_bytes).toBeGreaterThan(0)
    const audited = await withService(db, (tx) =>
      tx.query<{ actor_id: string | null }>(
        "select actor_id from public.audit_logs where tenant_id = $1 and action = 'knowledge.add' and target_id = $2",
        [acme.id, created.id],
      ),
    )
    expect(audited).toEqual([{ actor_id: null }])
  })

  it('answers 409 with the existing id for the same text again', async () => {
    const body = { title: 'Twice', content: 'Anvils ship on Tuesdays and Thursdays from the Acme depot.' }
    const first = knowledgeCreatedResponseSchema.parse((await post('/knowledge', keys.write ?? '', body)).body)
    const again = await post('/knowledge', keys.write ?? '', body)
    expect(again.status).toBe(409)
    expect(errorBodySchema.parse(again.body).error.details).toEqual({ id: first.id })
  })

  it('is 403 for a key without knowledge:write, and stores nothing', async () => {
    const before = await documentsOf(acme.id)
    const reply = await post('/knowledge', keys.read ?? '', { title: 'Sneaky', content: 'Not allowed to be here.' })
    expect(reply.status).toBe(403)
    expect(await documentsOf(acme.id)).toEqual(before)
  })

  it('is 400 naming the field for a document without content', async () => {
    const reply = await post('/knowledge', keys.write ?? '', { title: 'Empty' })
    expect(reply.status).toBe(400)
    expect(errorBodySchema.parse(reply.body).error.details).toMatchObject({ fields: { content: expect.any(String) } })
  })
})
