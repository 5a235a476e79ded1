import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '@/lib/db/migrate'
import { withAnon, withService, withUser } from '@/lib/db/access'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('migrations', () => {
  it('records every applied file and applies nothing twice', async () => {
    const again = await migrate(db)
    expect(again).toEqual([])
    const rows = await withService(db, (tx) =>
      tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version'),
    )
    expect(rows.map((r) => r.version)).toContain('local_00001')
    expect(rows.length).toBeGreaterThan(5)
  })

  it('enables row level security on every table in public', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ relname: string; relrowsecurity: boolean }>(
        "select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'",
      ),
    )
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.filter((r) => !r.relrowsecurity).map((r) => r.relname)).toEqual([])
  })

  it('keeps helper predicates out of reach of public and out of the exposed schema', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ proname: string; nspname: string; public_exec: boolean; secdef: boolean; config: string[] | null }>(
        `select p.proname, n.nspname, p.prosecdef as secdef, p.proconfig as config,
                has_function_privilege('public', p.oid, 'execute') as public_exec
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where p.proname in ('is_platform_admin', 'is_tenant_member', 'member_tenant_ids', 'caller_role', 'caller_facts')`,
      ),
    )
    expect(rows).toHaveLength(5)
    for (const row of rows) {
      expect(row.nspname).toBe('app_private')
      expect(row.secdef).toBe(true)
      expect(row.config).toContain('search_path=""')
    }
  })
})

describe('data access', () => {
  it('runs withUser as the authenticated role with the claims of that request only', async () => {
    const sub = '00000000-0000-4000-8000-000000000001'
    const inside = await withUser(db, { sub, email: 'a@example.com' }, (tx) =>
      tx.query<{ who: string; uid: string | null; role: string | null }>(
        'select current_user as who, auth.uid()::text as uid, auth.role() as role',
      ),
    )
    expect(inside[0]).toEqual({ who: 'authenticated', uid: sub, role: 'authenticated' })
    const after = await withService(db, (tx) =>
      tx.query<{ who: string; claims: string | null }>(
        "select current_user as who, nullif(current_setting('request.jwt.claims', true), '') as claims",
      ),
    )
    expect(after[0]?.who).not.toBe('authenticated')
    expect(after[0]?.claims).toBeNull()
  })

  it('runs withAnon as anon without a user id even if one is passed', async () => {
    const rows = await withAnon(db, { sub: '00000000-0000-4000-8000-000000000001', tenant_id: 'x' }, (tx) =>
      tx.query<{ who: string; uid: string | null }>('select current_user as who, auth.uid()::text as uid'),
    )
    expect(rows[0]).toEqual({ who: 'anon', uid: null })
  })

  it('drops role and claims when the transaction fails', async () => {
    await expect(
      withUser(db, { sub: '00000000-0000-4000-8000-000000000002' }, async (tx) => {
        await tx.query('select 1')
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const after = await withService(db, (tx) => tx.query<{ who: string }>('select current_user as who'))
    expect(after[0]?.who).not.toBe('authenticated')
  })

  it('binds JSON text and arrays the same way on every driver', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ kind: string; value: unknown; tags: string[] }>(
        'select jsonb_typeof($1::jsonb) as kind, $1::jsonb as value, $2::text[] as tags',
        [JSON.stringify({ a: 1 }), ['x', 'y']],
      ),
    )
    expect(rows[0]).toEqual({ kind: 'object', value: { a: 1 }, tags: ['x', 'y'] })
  })

  it('refuses withUser without a subject', async () => {
    await expect(withUser(db, {}, async () => 1)).rejects.toMatchObject({ code: 'unauthorized' })
  })
})
