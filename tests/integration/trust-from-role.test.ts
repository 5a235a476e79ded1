import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asServer, withService, type Queryable } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { attempt, countRows, seedIsolationWorld, type IsolationWorld, type Runner } from '../support/isolation-fixtures'

/*
 * SQL decides "this is the server" from the database role the transaction acts as, never
 * from request.jwt.claims. Each case acts as a Supabase client would through PostgREST:
 * the `authenticated` (or `anon`) role with whatever claims the client managed to put
 * in request.jwt.claims.
 */

let db: TestDatabase
let world: IsolationWorld

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
})
afterAll(async () => {
  await db.close()
})

const asClient =
  (role: 'authenticated' | 'anon', claims: Record<string, unknown>): Runner =>
  (fn) =>
    db.transaction(async (tx) => {
      await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, JSON.stringify(claims)])
      return fn(tx)
    })

const home = () => world.home.id

/** Carries a transaction's findings out of it while undoing its writes. */
class RolledBack {
  constructor(readonly rows: unknown) {}
}
const CLIENTS: [string, () => Runner][] = [
  ['empty claims', () => asClient('authenticated', {})],
  ['claims saying service_role', () => asClient('authenticated', { role: 'service_role' })],
  ['claims saying service_role with a member’s sub', () => asClient('authenticated', { role: 'service_role', sub: world.home.userId })],
  ['a member with role user', () => asClient('authenticated', { role: 'authenticated', sub: world.home.userId })],
  ['a viewer', () => asClient('authenticated', { role: 'authenticated', sub: world.home.viewerId })],
  ['a tenant admin', () => asClient('authenticated', { role: 'authenticated', sub: world.home.adminId })],
  ['a platform admin', () => asClient('authenticated', { role: 'authenticated', sub: world.platformAdminId })],
  ['anon claiming service_role', () => asClient('anon', { role: 'service_role', tenant_id: world.home.id })],
]

const WRITES: [string, string, () => unknown[]][] = [
  ['count a conversation', 'app_private.consume_conversation($1)', () => [home()]],
  ['reserve 9e18 tokens', 'app_private.reserve_tokens($1, 9000000000000000000)', () => [home()]],
  ['record an exchange of 9e18 tokens', 'app_private.record_exchange($1, null, 0, 9000000000000000000, 0, 2, false, null)', () => [home()]],
  ['give a conversation back (reset the counter)', 'app_private.release_exchange($1, null, 0, 0, 0, true)', () => [home()]],
  ['append a tenant audit row', "app_private.write_audit($1, 'member.add')", () => [home()]],
  ['append a platform audit row', "app_private.write_audit(null, 'tenant.delete', 'tenant', $1)", () => [home()]],
  ['count a rate-limit hit', "app_private.hit_rate_limit('auth', '203.0.113.9', 30, interval '10 minutes')", () => []],
]

describe.each(CLIENTS)('a Supabase client with %s', (_label, client) => {
  it('is not the server', async () => {
    const rows = await client()((tx) => tx.query<{ server: boolean }>('select app_private.is_server_call() as server'))
    expect(rows[0]?.server).toBe(false)
  })

  it.each(WRITES)('cannot %s', async (_what, call, params) => {
    expect(await attempt(client(), countRows(call, params()))).toBe('perm')
  })
})

describe('the platform audit chain', () => {
  it.each([
    ['empty claims', () => asClient('authenticated', {})],
    ['claims saying service_role', () => asClient('authenticated', { role: 'service_role' })],
    ['a tenant admin', () => asClient('authenticated', { role: 'authenticated', sub: world.home.adminId })],
  ])('cannot be verified (or probed) by a client with %s', async (_label, client) => {
    expect(await attempt(client(), countRows('app_private.verify_audit_chain(null)'))).toBe('or403')
  })

  it('is verified by a platform admin and by the server', async () => {
    const platform = asClient('authenticated', { role: 'authenticated', sub: world.platformAdminId })
    expect(await attempt(platform, countRows('app_private.verify_audit_chain(null) where ok'))).toBe('allow')
    expect(await attempt((fn) => withService(db, fn), countRows('app_private.verify_audit_chain(null) where ok'))).toBe('allow')
  })
})

describe('the server', () => {
  const usageOf = (tx: Queryable) =>
    tx.query<{ conversations: number; tokens: string }>(
      `select conversations, (tokens_in + tokens_out + tokens_reserved)::text as tokens from public.tenant_usage
        where tenant_id = $1 and period = app_private.usage_period()`,
      [home()],
    )

  it('is the connection’s own role, and asServer is the way back to it inside a member’s transaction', async () => {
    const member = asClient('authenticated', { role: 'authenticated', sub: world.home.userId })
    const seen = await member(async (tx) => {
      const during = await asServer(tx, (server) => server.query<{ server: boolean }>('select app_private.is_server_call() as server'))
      const after = await tx.query<{ server: boolean; who: string }>('select app_private.is_server_call() as server, current_user as who')
      return { during: during[0]?.server, after: after[0] }
    })
    expect(seen).toEqual({ during: true, after: { server: false, who: 'authenticated' } })
    const [service] = await withService(db, (tx) => tx.query<{ server: boolean }>('select app_private.is_server_call() as server'))
    expect(service?.server).toBe(true)
  })

  it('counts a conversation and records an exchange for a member, writing the member as the audit actor', async () => {
    const member = asClient('authenticated', { role: 'authenticated', sub: world.home.userId, email: 'user@home-tenant.test' })
    const [before] = await withService(db, usageOf)
    const actor = await member((tx) =>
      asServer(tx, async (server) => {
        await server.query('select * from app_private.consume_conversation($1)', [home()])
        await server.query('select app_private.record_exchange($1, null, 0, 120, 80, 2, true, null)', [home()])
        const [row] = await server.query<{ id: string }>("select app_private.write_audit($1, 'knowledge.add') as id", [home()])
        const [written] = await server.query<{ actor_id: string }>('select actor_id from public.audit_logs where id = $1', [row?.id])
        return written?.actor_id
      }),
    )
    const [after] = await withService(db, usageOf)
    expect(actor).toBe(world.home.userId)
    expect(after?.conversations).toBe(Number(before?.conversations) + 1)
    expect(BigInt(after?.tokens ?? 0) - BigInt(before?.tokens ?? 0)).toBe(200n)
  })

  it.each([
    ['reserve 9e18 tokens', 'select * from app_private.reserve_tokens($1, 9000000000000000000)'],
    ['record 9e18 tokens', 'select app_private.record_exchange($1, null, 0, 9000000000000000000, 0, 2, false, null)'],
    ['record a negative amount', 'select app_private.record_exchange($1, null, 0, -5, 0, 2, false, null)'],
    ['record a thousand messages in one exchange', 'select app_private.record_exchange($1, null, 0, 1, 1, 1000, false, null)'],
    ['release 9e18 tokens', 'select app_private.release_exchange($1, null, 9000000000000000000, 0, 0, false)'],
  ])('cannot %s either: amounts are bounded whoever counts', async (_what, sql) => {
    await expect(withService(db, (tx) => tx.query(sql, [home()]))).rejects.toMatchObject({ code: '22023' })
  })

  it('leaves its own functions to the members who use them: leaving a tenant still writes its audit row', async () => {
    const viewer = asClient('authenticated', { role: 'authenticated', sub: world.home.viewerId })
    const left = await viewer(async (tx) => {
      await tx.query('select app_private.leave_tenant($1)', [home()])
      const rows = await asServer(tx, (server) =>
        server.query<{ action: string }>(
          "select action from public.audit_logs where tenant_id = $1 and actor_id = $2 and after ->> 'reason' = 'left'",
          [home(), world.home.viewerId],
        ),
      )
      throw new RolledBack(rows)
    }).catch((error: unknown) => (error instanceof RolledBack ? error.rows : error))
    expect(left).toEqual([{ action: 'member.remove' }])
  })
})
