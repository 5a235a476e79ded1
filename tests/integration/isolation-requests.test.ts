import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService, withUser } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  actorScope,
  attempt,
  changedRows,
  countRows,
  plainStatement,
  seedIsolationWorld,
  type Actor,
  type IsolationWorld,
  type Outcome,
  type Runner,
  type Statement,
} from '../support/isolation-fixtures'

/*
 * The request tables beyond the matrix: the requester (the world's loner, a member of
 * nothing) reads their own access requests and their history and nothing else, and the
 * functions that file and decide requests answer each kind of caller as the rules say.
 * Every allowed case is paired with a denied one. Statements are rolled back.
 */

let db: TestDatabase
let world: IsolationWorld
let loner: Runner

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
  loner = (fn) => withUser(db, { sub: world.lonerId, email: 'loner@nowhere.test' }, fn)
})
afterAll(async () => {
  await db.close()
})

const run = (actor: Actor | 'loner'): Runner => (actor === 'loner' ? loner : actorScope(db, world, actor).run)
const expectOutcome = async (actor: Actor | 'loner', statement: Statement, outcome: Outcome) =>
  expect(await attempt(run(actor), statement), `${actor}: ${statement.sql}`).toBe(outcome)

describe('the requester', () => {
  it('reads their own access request and its history; another person’s request is hidden from them', async () => {
    await expectOutcome('loner', countRows('public.tenant_access_requests where id = $1', [world.home.accessRequestId]), 'allow')
    await expectOutcome(
      'loner',
      countRows('public.tenant_access_request_events where request_id = $1', [world.home.accessRequestId]),
      'allow',
    )
    // The outsider (the other tenant's admin) is not the requester and not home's admin.
    await expectOutcome('outsider', countRows('public.tenant_access_requests where id = $1', [world.home.accessRequestId]), 'zero')
    await expectOutcome(
      'outsider',
      countRows('public.tenant_access_request_events where request_id = $1', [world.home.accessRequestId]),
      'zero',
    )
  })

  it('reads no tenant’s resource requests, which home’s admin reads', async () => {
    await expectOutcome('loner', countRows('public.tenant_resource_requests where tenant_id = $1', [world.home.id]), 'zero')
    await expectOutcome('admin', countRows('public.tenant_resource_requests where tenant_id = $1', [world.home.id]), 'allow')
  })

  it('never reads who decided (a column no API role may select)', async () => {
    await expectOutcome(
      'admin',
      countRows('public.tenant_access_requests where decided_by is null and id = $1', [world.home.accessRequestId]),
      'perm',
    )
    await expectOutcome(
      'admin',
      countRows('public.tenant_access_requests where decided_at is null and id = $1', [world.home.accessRequestId]),
      'allow',
    )
  })
})

const fileAccess = (tenantId: string) => plainStatement("select * from app_private.file_access_request($1, 'Please')", [tenantId])
const decideAccess = (id: string) => plainStatement("select * from app_private.decide_access_request($1, 'approve', 'viewer')", [id])
const fileResource = (tenantId: string, kind = 'restricted_access', limits: string | null = null) =>
  plainStatement("select * from app_private.file_resource_request($1, $2, null, $3::text::jsonb, 'We need it')", [tenantId, kind, limits])
const decideResource = (id: string) => plainStatement("select * from app_private.decide_resource_request($1, 'reject', 'No')", [id])

describe('filing and deciding go through the functions, which answer each caller as the rules say', () => {
  it('an access request: any signed-in non-member files one (anon cannot call); a member or a second pending one is a 409', async () => {
    await expectOutcome('outsider', fileAccess(world.home.id), 'allow')
    await expectOutcome('anon', fileAccess(world.home.id), 'perm')
    await expectOutcome('viewer', fileAccess(world.home.id), 'or409')
    await expectOutcome('loner', fileAccess(world.home.id), 'or409')
  })

  it('a decision on it: the tenant’s admin and platform admins decide; members, outsiders and the requester find no such request', async () => {
    await expectOutcome('admin', decideAccess(world.home.accessRequestId), 'allow')
    await expectOutcome('platform', decideAccess(world.home.accessRequestId), 'allow')
    await expectOutcome('user', decideAccess(world.home.accessRequestId), 'or404')
    await expectOutcome('outsider', decideAccess(world.home.accessRequestId), 'or404')
    await expectOutcome('loner', decideAccess(world.home.accessRequestId), 'or404')
  })

  it('a resource request: the tenant’s admin files; a viewer is refused, an outsider finds no tenant, a second pending one is a 409', async () => {
    await expectOutcome('admin', fileResource(world.home.id), 'allow')
    await expectOutcome('viewer', fileResource(world.home.id), 'or403')
    await expectOutcome('outsider', fileResource(world.home.id), 'or404')
    await expectOutcome('admin', fileResource(world.home.id, 'limits', '{"members": 60}'), 'or409')
  })

  it('a decision on it: platform admins only', async () => {
    await expectOutcome('platform', decideResource(world.home.resourceRequestId), 'allow')
    await expectOutcome('admin', decideResource(world.home.resourceRequestId), 'or403')
  })
})

/** A transaction as the server that still names a person in its claims, as a bug or a script might. */
const serverActingFor =
  (sub: string): Runner =>
  (fn) =>
    withService(db, async (tx) => {
      await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub })])
      return fn(tx)
    })

describe('the rules hold whoever writes the row', () => {
  it('a decision taken in the requester’s name is refused even by the server; in an admin’s name it passes', async () => {
    const decide = changedRows("update public.tenant_access_requests set status = 'rejected' where id = $1", [world.home.accessRequestId])
    expect(await attempt(serverActingFor(world.lonerId), decide)).toBe('or403')
    expect(await attempt(serverActingFor(world.home.adminId), decide)).toBe('allow')
  })

  it('a decided request is final: once rejected, no approval follows', async () => {
    const rejectedFirst: Runner = (fn) =>
      serverActingFor(world.other.adminId)(async (tx) => {
        await tx.query("update public.tenant_access_requests set status = 'rejected' where id = $1", [world.other.accessRequestId])
        return fn(tx)
      })
    const approve = changedRows("update public.tenant_access_requests set status = 'approved', role = 'user' where id = $1", [
      world.other.accessRequestId,
    ])
    expect(await attempt(serverActingFor(world.other.adminId), approve)).toBe('allow')
    expect(await attempt(rejectedFirst, approve)).toBe('or409')
  })

  it('a restricted tenant takes a member only with an approved request or an invitation, even from the server', async () => {
    const join = plainStatement("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user')", [
      world.other.id,
      world.lonerId,
    ])
    const restricted: Runner = (fn) =>
      withService(db, async (tx) => {
        await tx.query("update public.tenants set privacy_level = 'restricted' where id = $1", [world.other.id])
        return fn(tx)
      })
    expect(await attempt(restricted, join)).toBe('or403')
    const approvedFirst: Runner = (fn) =>
      restricted(async (tx) => {
        await tx.query("update public.tenant_access_requests set status = 'approved', role = 'user' where id = $1", [
          world.other.accessRequestId,
        ])
        return fn(tx)
      })
    expect(await attempt(approvedFirst, join)).toBe('allow')
  })
})
