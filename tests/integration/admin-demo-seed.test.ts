import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '@/lib/auth/local/password'
import { setDatabaseForTests, withService } from '@/lib/db'
import { DEMO_ACCOUNTS, DEMO_TENANTS } from '@/scripts/demo/demo-data'
import { seedDemo } from '@/scripts/demo/demo-seed'
import '../support/auth' // lowers the scrypt cost for the suite
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const COUNTED = [
  'public.tenants',
  'public.platform_admins',
  'public.tenant_users',
  'public.tenant_knowledge',
  'public.tenant_knowledge_chunks',
  'public.audit_logs',
  'auth.users',
]

async function counts(): Promise<Record<string, number>> {
  return withService(db, async (tx) => {
    const result: Record<string, number> = {}
    for (const table of COUNTED) {
      result[table] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0
    }
    return result
  })
}

describe('the demo seed', () => {
  it('creates the law firm, the wellness coach and the startup with voice, signature and knowledge', async () => {
    const summary = await seedDemo(db)
    expect(summary.tenants.map((t) => [t.slug, t.created])).toEqual([
      ['sterling-law', true],
      ['luna-wellness', true],
      ['nova-labs', true],
    ])
    const tenants = await withService(db, (tx) =>
      tx.query<{ slug: string; public_access: boolean; primary: string; secondary: string; documents: number; unembedded: number }>(
        `select t.slug, t.public_access, t.elemental_signature ->> 'primary' as primary,
                t.elemental_signature ->> 'secondary' as secondary,
                (select count(*)::int from public.tenant_knowledge k where k.tenant_id = t.id) as documents,
                (select count(*)::int from public.tenant_knowledge_chunks c where c.tenant_id = t.id and c.embedding is null) as unembedded
           from public.tenants t order by t.slug`,
      ),
    )
    expect(tenants).toEqual([
      { slug: 'luna-wellness', public_access: true, primary: 'water', secondary: 'fire', documents: 5, unembedded: 0 },
      { slug: 'nova-labs', public_access: false, primary: 'air', secondary: 'fire', documents: 5, unembedded: 0 },
      { slug: 'sterling-law', public_access: false, primary: 'earth', secondary: 'air', documents: 5, unembedded: 0 },
    ])
    const chunks = (await counts())['public.tenant_knowledge_chunks'] ?? 0
    expect(chunks).toBeGreaterThanOrEqual(15)
  })

  it('gives every printed account its printed password and the right place', async () => {
    const users = await withService(db, (tx) =>
      tx.query<{ email: string; encrypted_password: string; platform_admin: boolean; memberships: string[] }>(
        `select u.email, u.encrypted_password,
                exists (select 1 from public.platform_admins p where p.user_id = u.id) as platform_admin,
                array(select t.slug || ':' || tu.role from public.tenant_users tu join public.tenants t on t.id = tu.tenant_id
                      where tu.user_id = u.id) as memberships
           from auth.users u`,
      ),
    )
    for (const account of DEMO_ACCOUNTS) {
      const user = users.find((candidate) => candidate.email === account.email)
      expect(user, account.email).toBeDefined()
      expect(await verifyPassword(account.password, user?.encrypted_password ?? null)).toBe(true)
      expect(user?.platform_admin).toBe(account.platformAdmin === true)
      expect(user?.memberships).toEqual(account.tenantSlug ? [`${account.tenantSlug}:${account.role}`] : [])
    }
  })

  it('changes nothing when run again', async () => {
    const before = await counts()
    const summary = await seedDemo(db)
    expect(summary.tenants.every((t) => !t.created && t.documentsAdded === 0)).toBe(true)
    expect(await counts()).toEqual(before)
  })

  it('restores a demo tenant someone edited, and a knowledge document someone deleted', async () => {
    const sterling = DEMO_TENANTS[0]?.tenant.slug
    await withService(db, async (tx) => {
      await tx.query(`update public.tenants set brand_voice = '{"tone": "casual"}'::jsonb where slug = $1`, [sterling])
      await tx.query(
        `delete from public.tenant_knowledge where id = (select k.id from public.tenant_knowledge k
           join public.tenants t on t.id = k.tenant_id where t.slug = $1 limit 1)`,
        [sterling],
      )
    })
    const summary = await seedDemo(db)
    expect(summary.tenants.find((t) => t.slug === sterling)?.documentsAdded).toBe(1)
    const tone = await withService(db, (tx) =>
      tx.query<{ tone: string }>("select brand_voice ->> 'tone' as tone from public.tenants where slug = $1", [sterling]),
    )
    expect(tone[0]?.tone).toBe('formal')
  })
})
