import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests } from '@/lib/db'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { createUser, loginCookie, TEST_ORIGIN } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'

/*
 * Every route, every method, called with input nobody should send: wrong types, NUL
 * characters, invalid UTF-8 and percent-encoding, huge and deeply nested bodies,
 * extreme dates and numbers, junk path segments. Bad input is the caller's mistake:
 * the answer is a 4xx in the one JSON error shape, never a 5xx.
 */

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
type RouteFile = { path: string; segments: string[]; methods: [string, Handler][] }

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const modules = import.meta.glob<Record<string, unknown>>('../../app/api/**/route.ts', { eager: true })

const routeFiles: RouteFile[] = Object.entries(modules).map(([file, exports]) => {
  const path = file.replace(/^.*\/app/, '').replace(/\/route\.ts$/, '')
  return {
    path,
    segments: [...path.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] ?? ''),
    methods: METHODS.filter((method) => typeof exports[method] === 'function').map((method) => [method, exports[method] as Handler]),
  }
})

const NUL = 'a\u0000b'
const LONG = 'x'.repeat(100_000)
const JUNK_SEGMENTS = ['%FF', NUL, 'x'.repeat(5_000), '../..', "' or 1=1 --", '00000000-0000-0000-0000-000000000000']

/** Every key some route reads, each given a value of the wrong kind or out of any range. */
function hostileObject(value: (key: string) => unknown): Record<string, unknown> {
  const keys = [
    'email',
    'password',
    'currentPassword',
    'newPassword',
    'code',
    'token',
    'title',
    'content',
    'category',
    'tags',
    'elementalTags',
    'sourceType',
    'query',
    'message',
    'messages',
    'conversationId',
    'name',
    'slug',
    'domain',
    'role',
    'status',
    'planTier',
    'limits',
    'features',
    'trialEndsAt',
    'publicAccess',
    'contentLanguage',
    'brandVoice',
    'elementalSignature',
    'maiaPersonality',
    'value',
    'feedback',
    'rating',
    'limit',
    'cursor',
    'from',
    'to',
    'confirm',
    'stream',
    'topK',
    'threshold',
    'collectionId',
    'collectionIds',
    'visibility',
    'groupIds',
    'userId',
    'resourceType',
    'resourceId',
    'grantee',
    'advisorId',
    'starterQuestions',
    'personality',
    'color',
    'privacyLevel',
    'decision',
    'note',
    'kind',
    'reason',
  ]
  return Object.fromEntries(keys.map((key) => [key, value(key)]))
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

const BODIES: [string, BodyInit | null, string][] = [
  ['no body', null, 'application/json'],
  ['empty', '', 'application/json'],
  ['not JSON', '{"a":', 'application/json'],
  ['JSON null', 'null', 'application/json'],
  ['a JSON array', '[1,2,3]', 'application/json'],
  ['a JSON string', '"hello"', 'application/json'],
  ['a huge number', '1e999', 'application/json'],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
  ['deeply nested', nested(20_000), 'application/json'],
  ['NUL in every string', JSON.stringify(hostileObject(() => NUL)), 'application/json'],
  [
    'NUL in valid-looking fields',
    JSON.stringify({
      email: `x${NUL}@example.com`,
      password: `pass${NUL}word-long`,
      message: NUL,
      query: NUL,
      title: NUL,
      content: `text ${NUL} text`,
      name: `Name ${NUL}`,
      token: NUL,
    }),
    'application/json',
  ],
  ['numbers where strings go', JSON.stringify(hostileObject(() => 9e18)), 'application/json'],
  ['objects where strings go', JSON.stringify(hostileObject(() => ({ $gt: '' }))), 'application/json'],
  [
    'extreme limits and dates',
    JSON.stringify({
      ...hostileObject(() => '0000-01-01'),
      limits: { storageMb: 1e308, members: -1, tokensPerMonth: 9.5e18, conversationsPerMonth: 1.5 },
      trialEndsAt: '+275760-09-13T00:00:00.001Z',
      limit: 1e308,
    }),
    'application/json',
  ],
  [
    'a huge string',
    JSON.stringify({ message: LONG, query: LONG, content: LONG, title: LONG, name: LONG, email: LONG, password: LONG }),
    'application/json',
  ],
  ['a 3 MB body', JSON.stringify({ content: 'y'.repeat(3_000_000) }), 'application/json'],
  ['a JSON-looking text/plain', '{"email":"a@b.c"}', 'text/plain; charset=application/json'],
  [
    'a broken multipart body',
    '--x\r\nContent-Disposition: form-data; name="file"; filename="%FF\u0000.txt"\r\n\r\nhi\r\n',
    'multipart/form-data; boundary=x',
  ],
  ['a multipart body without boundary', 'garbage', 'multipart/form-data'],
]

const QUERIES = [
  '?from=0000-01-01&to=99999-12-31',
  '?from=%FF&to=%00',
  '?limit=-1&cursor=%00&page=0&pageSize=1e309',
  '?limit=99999999999999999999&cursor=' + 'z'.repeat(5_000),
  '?q=%00&status=%FF&action=%27&tenantId=not-a-uuid',
]

let db: TestDatabase
let world: AdminWorld
let valid: Record<string, string>
let victim: { userId: string }

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'fz')
  invalidateTenantRoutes()
  // Deleting one's own account is a valid request with no body: that route gets a person of its own.
  victim = await createUser(db, { email: 'victim@fz.test' })
  const someId = '3f1e1a52-7d41-4c8e-9a7b-0d6f1c2b3a4d'
  valid = { id: world.home.id, slug: world.home.slug, knowledgeId: someId, userId: world.home.viewer.userId, jobId: someId }
}, 60_000)
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

type Outcome = { status: number; body: string }

let sent = 0

async function send(
  handler: Handler,
  url: string,
  method: string,
  params: Record<string, string>,
  cookie: string | null,
  body: BodyInit | null,
  type: string,
): Promise<Outcome> {
  const headers: Record<string, string> = { origin: TEST_ORIGIN }
  if (cookie) headers.cookie = cookie
  if (body !== null) headers['content-type'] = type
  const init: RequestInit = { method, headers }
  if (body !== null && method !== 'GET') init.body = body
  sent += 1
  let response: Response
  try {
    response = await handler(new Request(url, init), { params: Promise.resolve(params) })
  } catch (error) {
    return { status: 599, body: `threw: ${String(error)}` }
  }
  return { status: response.status, body: await response.text() }
}

/** A 5xx, or a 4xx that is not the one JSON error shape. */
function defect(outcome: Outcome): string | null {
  if (outcome.status >= 500) return `${outcome.status} ${outcome.body.slice(0, 200)}`
  if (outcome.status < 400) return null
  try {
    return errorBodySchema.safeParse(JSON.parse(outcome.body)).success
      ? null
      : `${outcome.status} not the error shape: ${outcome.body.slice(0, 200)}`
  } catch {
    return `${outcome.status} not JSON: ${outcome.body.slice(0, 200)}`
  }
}

function urlFor(path: string, params: Record<string, string>, query = ''): string {
  const filled = path.replace(/\[([^\]]+)\]/g, (_all, name: string) => encodeURIComponent(params[name] ?? 'x'))
  return `${TEST_ORIGIN}${filled}${query}`
}

describe('every route under hostile input', () => {
  it('finds the routes', () => {
    expect(routeFiles.length).toBeGreaterThan(30)
  })

  it.each(routeFiles.map((file) => [file.path, file] as const))(
    '%s answers every hostile request with a 4xx in the one error shape',
    async (_path, file) => {
      const failures: string[] = []
      const check = (label: string, outcome: Outcome) => {
        const problem = defect(outcome)
        if (problem) failures.push(`${label}: ${problem}`)
      }
      for (const [method, handler] of file.methods) {
        for (const who of ['platform admin', 'tenant admin', 'anonymous'] as const) {
          const person =
            file.path === '/api/auth/account'
              ? victim.userId
              : who === 'tenant admin'
                ? world.home.admin.userId
                : world.platformAdmin.userId
          const cookie = () => (who === 'anonymous' ? Promise.resolve(null) : loginCookie(db, person).catch(() => null))
          for (const [label, body, type] of BODIES) {
            if (method === 'GET' && body !== null) continue
            check(`${method} ${who} ${label}`, await send(handler, urlFor(file.path, valid), method, valid, await cookie(), body, type))
          }
          for (const query of QUERIES) {
            check(
              `${method} ${who} query ${query.slice(0, 40)}`,
              await send(handler, urlFor(file.path, valid, query), method, valid, await cookie(), null, ''),
            )
          }
          for (const segment of file.segments) {
            for (const junk of JUNK_SEGMENTS) {
              const params = { ...valid, [segment]: junk }
              check(
                `${method} ${who} ${segment}=${junk.slice(0, 20)}`,
                await send(handler, urlFor(file.path, params), method, params, await cookie(), '{}', 'application/json'),
              )
            }
          }
        }
      }
      expect(failures).toEqual([])
    },
    120_000,
  )

  it('sent thousands of requests in all', () => {
    console.info(`[fuzz] ${sent} hostile requests over ${routeFiles.length} route files`)
    expect(sent).toBeGreaterThan(2_500)
  })
})
