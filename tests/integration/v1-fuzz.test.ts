import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorBodySchema } from '@/lib/contracts/errors'
import { API_KEY_SCOPES } from '@/lib/contracts/api-keys'
import { setDatabaseForTests } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { createApiKey } from '@/lib/multi-tenant/api-keys'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { useLanguageModel } from './oracle-world'

/*
 * The public API's routes with a live key of every scope, so the bodies reach parsing
 * (fuzz-routes sends no key, and a keyless call stops at 401): wrong types, NUL, invalid
 * UTF-8, huge and deeply nested bodies, OpenAI-shaped bodies gone wrong. Every answer is
 * below 500, and every refusal is the one error shape with OpenAI's fields.
 */

type Handler = (request: Request) => Promise<Response>
const METHODS = ['GET', 'POST'] as const
const modules = import.meta.glob<Record<string, unknown>>('../../app/api/v1/**/route.ts', { eager: true })
const routes = Object.entries(modules).flatMap(([file, exports]) =>
  METHODS.filter((method) => typeof exports[method] === 'function').map((method) => ({
    path: file.replace(/^.*\/app/, '').replace(/\/route\.ts$/, ''),
    method,
    handler: exports[method] as Handler,
  })),
)

const NUL = 'a\u0000b'
const BODIES: [string, BodyInit | null, string][] = [
  ['no body', null, 'application/json'],
  ['not JSON', '{"messages":', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a JSON array', '[1,2,3]', 'application/json'],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
  ['deeply nested', '['.repeat(20_000) + ']'.repeat(20_000), 'application/json'],
  [
    'NUL in the question',
    JSON.stringify({ messages: [{ role: 'user', content: NUL }], query: NUL, title: NUL, content: NUL }),
    'application/json',
  ],
  ['messages of the wrong kind', JSON.stringify({ messages: [{ role: 'robot', content: 5 }] }), 'application/json'],
  [
    'an image part',
    JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }),
    'application/json',
  ],
  ['a question too long', JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(100_000) }] }), 'application/json'],
  [
    'ten thousand messages',
    JSON.stringify({ messages: Array.from({ length: 10_000 }, () => ({ role: 'user', content: 'hi' })) }),
    'application/json',
  ],
  [
    'extreme numbers',
    JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 1e308, limit: -1, matchThreshold: 9e18 }),
    'application/json',
  ],
  ['objects where strings go', JSON.stringify({ model: { $gt: '' }, query: { $gt: '' }, title: [], content: {} }), 'application/json'],
  ['a 3 MB body', JSON.stringify({ content: 'y'.repeat(3_000_000), title: 'Big' }), 'application/json'],
  ['a JSON-looking text/plain', '{"query":"hours"}', 'text/plain; charset=application/json'],
]

let db: TestDatabase
let tenantId = ''
let admin = ''

async function freshKey(): Promise<string> {
  return (await createApiKey(actingAs(db, { sub: admin }), tenantId, { name: 'Fuzz', scopes: [...API_KEY_SCOPES] })).secret
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenantId = (await createTenant(db, { slug: 'fuzz-v1', name: 'Fuzz' })).id
  admin = (await createUser(db, { email: 'admin@fuzz-v1.test' })).userId
  await addMember(db, tenantId, admin, 'admin')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('the public API with hostile bodies and a live key', () => {
  it('finds the v1 routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(5)
  })

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers below 500, refusals in the error shape',
    async (_name, route) => {
      // A key per route keeps the key's 60 requests a minute out of the way.
      const key = await freshKey()
      const defects: string[] = []
      for (const [label, body, type] of BODIES) {
        const init: RequestInit = { method: route.method, headers: { authorization: `Bearer ${key}`, 'content-type': type } }
        if (body !== null && route.method !== 'GET') init.body = body
        const response = await route.handler(new Request(`http://localhost${route.path}`, init))
        const text = await response.text()
        if (response.status >= 500) defects.push(`${label}: ${response.status} ${text.slice(0, 200)}`)
        else if (response.status >= 400) {
          const parsed = errorBodySchema.safeParse(JSON.parse(text))
          if (!parsed.success || parsed.data.error.type === undefined)
            defects.push(`${label}: ${response.status} not the error shape: ${text.slice(0, 200)}`)
        }
      }
      expect(defects).toEqual([])
    },
  )
})
