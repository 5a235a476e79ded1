import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asServer, withApiKey, withEndUser, withService, withUser } from '@/lib/db'
import { hashSecret } from '@/lib/multi-tenant/api-keys/secret'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  attempt,
  countRows,
  endUserSessionHash,
  plainStatement,
  seedIsolationWorld,
  type IsolationWorld,
  type Outcome,
  type Runner,
} from '../support/isolation-fixtures'

/*
 * An end user of a tenant's site acts as `anon` with claims that carry only the hash of a
 * session token the server opened. These cases hold what such a transaction reaches: the
 * end user's own record and history, in their own tenant, while the session is live, and
 * nothing of anyone else's. Each allowed case is paired with the same statement denied to
 * another end user, a dead session, another tenant's session or a forged claim.
 */

let db: TestDatabase
let world: IsolationWorld
const hashOf = (label: string) => hashSecret(`oak_${label.padEnd(43, 'e')}`)
const SESSIONS = {
  // The world's own: home's customer-1 (home is public) and other's customer-1 (other is private).
  homeOwner: () => endUserSessionHash(world.home.slug),
  otherOwner: () => endUserSessionHash(world.other.slug),
  homeNeighbour: () => hashOf('neighbour'),
  homeExpired: () => hashOf('expired'),
  homeAnonymous: () => hashOf('anonymous'),
  otherAnonymous: () => hashOf('other-anonymous'),
  unknown: () => hashOf('unknown'),
}
type SessionName = keyof typeof SESSIONS
const asEndUser =
  (name: SessionName): Runner =>
  (fn) =>
    withEndUser(db, SESSIONS[name](), fn)

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
  await withService(db, async (tx) => {
    const neighbour = await tx.query<{ id: string }>(
      "insert into public.tenant_end_users (tenant_id, external_id) values ($1, 'neighbour') returning id",
      [world.home.id],
    )
    const sessions: [string, string | null | undefined, string, string][] = [
      [world.home.id, neighbour[0]?.id, SESSIONS.homeNeighbour(), '1 hour'],
      [world.home.id, world.home.endUserId, SESSIONS.homeExpired(), '-1 minute'],
      [world.home.id, null, SESSIONS.homeAnonymous(), '1 hour'],
      [world.other.id, null, SESSIONS.otherAnonymous(), '1 hour'],
    ]
    for (const [tenantId, endUserId, hash, lasts] of sessions) {
      await tx.query(
        `insert into public.tenant_end_user_sessions (tenant_id, end_user_id, token_hash, expires_at)
         values ($1, $2, $3, now() + $4::interval)`,
        [tenantId, endUserId ?? null, hash, lasts],
      )
    }
  })
})
afterAll(async () => {
  await db.close()
})

const messagesOf = (endUserId: string) => countRows('public.tenant_end_user_messages where end_user_id = $1', [endUserId])
const recordOf = (endUserId: string) => countRows('public.tenant_end_users where id = $1', [endUserId])
const addMessage = (tenantId: string, endUserId: string) =>
  plainStatement("insert into public.tenant_end_user_messages (tenant_id, end_user_id, role, content) values ($1, $2, 'user', 'hi')", [
    tenantId,
    endUserId,
  ])
const visiting = (tenantId: string) => countRows('(select 1 where app_private.visitor_tenant_id() = $1) v', [tenantId])
const homeOwner = () => world.home.endUserId

describe('what an end user’s session reaches', () => {
  const CASES: [string, SessionName, () => ReturnType<typeof countRows>, Outcome][] = [
    ['reads their own history', 'homeOwner', () => messagesOf(homeOwner()), 'allow'],
    ['reads no other end user’s history (a neighbour in the same tenant)', 'homeNeighbour', () => messagesOf(homeOwner()), 'zero'],
    ['reads their own record', 'homeOwner', () => recordOf(homeOwner()), 'allow'],
    ['reads no record once the session expired', 'homeExpired', () => recordOf(homeOwner()), 'zero'],
    ['adds to their own history', 'homeOwner', () => addMessage(world.home.id, homeOwner()), 'allow'],
    ['adds nothing to a neighbour’s history', 'homeNeighbour', () => addMessage(world.home.id, homeOwner()), 'check'],
    ['adds nothing once the session expired', 'homeExpired', () => addMessage(world.home.id, homeOwner()), 'check'],
    ['reads no history as an anonymous visitor', 'homeAnonymous', () => messagesOf(homeOwner()), 'zero'],
    ['visits their tenant (the oracle’s visitor path)', 'homeOwner', () => visiting(world.home.id), 'allow'],
    ['visits a private tenant when verified', 'otherOwner', () => visiting(world.other.id), 'allow'],
    ['visits a public tenant anonymously', 'homeAnonymous', () => visiting(world.home.id), 'allow'],
    ['does not visit a private tenant anonymously', 'otherAnonymous', () => visiting(world.other.id), 'zero'],
    ['does not visit with an unknown session', 'unknown', () => visiting(world.home.id), 'zero'],
    ['reads no history of another tenant’s end user', 'homeOwner', () => messagesOf(world.other.endUserId), 'zero'],
    ['adds nothing to another tenant’s end user', 'homeOwner', () => addMessage(world.other.id, world.other.endUserId), 'check'],
    ['does not visit another tenant', 'homeOwner', () => visiting(world.other.id), 'zero'],
    [
      'reads no members’ conversations',
      'homeOwner',
      () => countRows('public.tenant_conversations where tenant_id = $1', [world.home.id]),
      'perm',
    ],
    ['reads no sessions, not even their own', 'homeOwner', () => countRows('public.tenant_end_user_sessions'), 'perm'],
    ['reads no identity secret', 'homeOwner', () => countRows('public.tenant_identity_secrets'), 'perm'],
  ]
  it.each(CASES)('a session %s', async (_label, session, statement, expected) => {
    expect(await attempt(asEndUser(session), statement())).toBe(expected)
  })

  it('runs as anon, never as a superuser or the server', async () => {
    const rows = await asEndUser('homeOwner')((tx) =>
      tx.query<{ who: string; server: boolean }>('select current_user as who, app_private.is_server_call() as server'),
    )
    expect(rows).toEqual([{ who: 'anon', server: false }])
  })
})

describe('claims vouch for nobody', () => {
  it('gives a signed-in member nothing for carrying an end user’s session hash', async () => {
    const member: Runner = (fn) => withUser(db, { sub: world.home.userId, end_user_session_hash: SESSIONS.homeOwner() }, fn)
    expect(await attempt(member, messagesOf(homeOwner()))).toBe('perm')
    expect(await attempt(member, countRows('(select 1 where app_private.end_user_id() is not null) e'))).toBe('zero')
  })

  it('gives the home tenant’s key no end user of the other tenant', async () => {
    // The world's fixture key of home has every scope; its hash is the SHA-256 of its tenant's id.
    const mixed: Runner = (fn) => withApiKey(db, hashSecret(world.home.id), fn, SESSIONS.otherOwner())
    expect(await attempt(mixed, messagesOf(world.other.endUserId))).toBe('zero')
    const own: Runner = (fn) => withApiKey(db, hashSecret(world.home.id), fn, SESSIONS.homeOwner())
    expect(await attempt(own, messagesOf(homeOwner()))).toBe('allow')
  })

  it('lets only the server open a session or read an identity secret', async () => {
    const open = plainStatement("select app_private.open_end_user_session($1, 'intruder', repeat('d', 64), null, 300)", [world.home.id])
    const secret = plainStatement('select app_private.tenant_identity_secret($1)', [world.home.id])
    for (const run of [asEndUser('homeOwner'), ((fn) => withUser(db, { sub: world.home.adminId }, fn)) as Runner]) {
      expect(await attempt(run, open)).toBe('perm')
      expect(await attempt(run, secret)).toBe('perm')
    }
    const opened = await asEndUser('homeAnonymous')((tx) =>
      asServer(tx, (server) =>
        server.query<{ id: string }>("select app_private.open_end_user_session($1, 'newcomer', repeat('d', 64), null, 300) as id", [
          world.home.id,
        ]),
      ),
    )
    expect(opened[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
    const again = await asEndUser('homeAnonymous')((tx) =>
      asServer(tx, (server) =>
        server.query<{ id: string }>("select app_private.open_end_user_session($1, 'newcomer', repeat('e', 64), null, 300) as id", [
          world.home.id,
        ]),
      ),
    )
    expect(again[0]?.id).toBe(opened[0]?.id)
  })

  it('refuses a session longer than an hour', async () => {
    const tooLong = await attempt(
      (fn) => withService(db, fn),
      plainStatement("select app_private.open_end_user_session($1, 'x', repeat('f', 64), null, 7200)", [world.home.id]),
    )
    expect(tooLong).toMatch(/unexpected 22023/)
  })
})
