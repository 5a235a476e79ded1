import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAnon, withService, withUser, type Queryable } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { seedIsolationWorld, type IsolationWorld } from '../support/isolation-fixtures'

/*
 * Identity lives only as long as one transaction. db-migrations.test.ts shows the role
 * is `authenticated` inside withUser and the raw setting is gone afterwards; these
 * cases show that nothing the policies read (auth.uid(), auth.role(), auth.jwt(), the
 * role) outlives a transaction: after anonymous and failed transactions too, on every
 * pooled connection, and with many requests in flight at once.
 */

type Leftovers = { who: string; role: string; uid: string | null; auth_role: string | null; jwt: unknown }

const LEFTOVERS_SQL = `select current_user as who, current_setting('role') as role,
  auth.uid()::text as uid, auth.role() as auth_role, auth.jwt() as jwt`

const CLEAN = { role: 'none', uid: null, auth_role: null, jwt: null }

let db: TestDatabase
let world: IsolationWorld

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
})
afterAll(async () => {
  await db.close()
})

function leftovers(tx: Queryable): Promise<Leftovers[]> {
  return tx.query<Leftovers>(LEFTOVERS_SQL)
}

describe('identity inside a transaction', () => {
  it('gives auth.uid(), auth.role() and auth.jwt() the claims of withUser', async () => {
    const sub = world.home.userId
    const [inside] = await withUser(db, { sub, email: 'user@home.test' }, leftovers)
    expect(inside).toMatchObject({ who: 'authenticated', role: 'authenticated', uid: sub, auth_role: 'authenticated' })
    expect(inside?.jwt).toMatchObject({ sub, email: 'user@home.test', role: 'authenticated' })
  })

  it('gives a visitor the anon role, its tenant claim and no user id', async () => {
    const [inside] = await withAnon(db, { tenant_id: world.home.id }, leftovers)
    expect(inside).toMatchObject({ who: 'anon', role: 'anon', uid: null, auth_role: 'anon' })
    expect(inside?.jwt).toEqual({ tenant_id: world.home.id, role: 'anon' })
  })
})

describe('nothing survives the transaction', () => {
  it('leaves no user id, role or claims behind after withUser', async () => {
    await withUser(db, { sub: world.home.adminId }, (tx) => tx.query('select 1'))
    const [after] = await withService(db, leftovers)
    expect(after).toMatchObject(CLEAN)
    expect(after?.who).not.toBe('authenticated')
  })

  it('leaves no tenant claim behind after withAnon', async () => {
    await withAnon(db, { tenant_id: world.home.id }, (tx) => tx.query('select 1'))
    const [after] = await withService(db, leftovers)
    expect(after).toMatchObject(CLEAN)
    expect(after?.who).not.toBe('anon')
  })

  it('leaves no claims behind after a withUser transaction that failed', async () => {
    const failing = withUser(db, { sub: world.home.adminId }, async (tx) => {
      await tx.query('select 1')
      throw new Error('request failed')
    })
    await expect(failing).rejects.toThrow('request failed')
    const [after] = await withService(db, leftovers)
    expect(after).toMatchObject(CLEAN)
  })

  it('lets a service task write the platform audit chain after user requests ran on the connection', async () => {
    await withUser(db, { sub: world.home.adminId }, (tx) => tx.query('select 1'))
    const rows = await withService(db, async (tx) => {
      const [written] = await tx.query<{ id: string }>("select app_private.write_audit(null, 'platform.probe') as id")
      return tx.query<{ actor_id: string | null }>('select actor_id from public.audit_logs where id = $1', [written?.id])
    })
    expect(rows).toEqual([{ actor_id: null }])
  })
})

describe('many requests at once', () => {
  const PARALLEL = 20

  it('gives each concurrent withUser transaction its own identity and nobody else’s', async () => {
    const subs = [world.home.adminId, world.home.userId, world.home.viewerId, world.other.adminId]
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) => {
        const sub = subs[index % subs.length] ?? ''
        return withUser(db, { sub }, async (tx) => {
          const [first] = await tx.query<{ uid: string }>('select auth.uid()::text as uid')
          const tenants = await tx.query<{ id: string }>('select id from public.tenants order by id')
          const [second] = await tx.query<{ uid: string }>('select auth.uid()::text as uid')
          return { sub, seen: [first?.uid, second?.uid], tenants: tenants.map((row) => row.id) }
        })
      }),
    )
    for (const result of results) {
      expect(result.seen).toEqual([result.sub, result.sub])
      const expected = result.sub === world.other.adminId ? world.other.id : world.home.id
      expect(result.tenants).toEqual([expected])
    }
  })

  it('leaves every pooled connection clean after a burst of user and visitor requests', async () => {
    await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        index % 2 === 0
          ? withUser(db, { sub: world.home.userId }, (tx) => tx.query('select 1'))
          : withAnon(db, { tenant_id: world.home.id }, (tx) => tx.query('select 1')),
      ),
    )
    const after = await Promise.all(Array.from({ length: PARALLEL }, () => withService(db, leftovers)))
    for (const [row] of after) expect(row).toMatchObject(CLEAN)
  })
})
