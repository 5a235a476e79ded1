import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TENANT_ROLES, roleReaches } from '@/lib/auth/roles'
import { API_KEY_SCOPES } from '@/lib/contracts/api-keys'
import { setDatabaseForTests, withService } from '@/lib/db'
import { ELEMENTS } from '@/lib/engine/elements'
import { actingAs } from '@/lib/multi-tenant/access'
import { isSlugShape } from '@/lib/contracts/ids'
import { PLAN_TIERS, PRIVACY_LEVELS, slugSchema } from '@/lib/contracts/tenants'
import { REQUEST_STATUSES, RESOURCE_REQUEST_KINDS } from '@/lib/contracts/requests'
import { normaliseOrigin } from '@/lib/contracts/widget-origin'
import { getTenant, listPlans, planDefaults } from '@/lib/multi-tenant/tenants'
import { createTenant, createUser, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * Rules that SQL owns and TypeScript mirrors: elements, tenant roles, plan tiers, a
 * plan's default limits, the slug shape and a widget origin's shape. Each case reads the
 * rule from the database and compares it with the one TypeScript copy, so a change on one
 * side alone fails here.
 */

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => withService(db, (tx) => tx.query<T>(text, params))

/** The quoted words of a check constraint, in order: `CHECK (value = ANY (ARRAY['a'::text, ...]))` → ['a', ...]. */
function quotedWords(definition: string): string[] {
  return [...definition.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '')
}

async function constraintWords(where: string, params: unknown[]): Promise<string[]> {
  const rows = await sql<{ definition: string }>(`select pg_get_constraintdef(oid) as definition from pg_constraint where ${where}`, params)
  expect(rows).toHaveLength(1)
  return quotedWords(rows[0]?.definition ?? '')
}

async function refuses(text: string, params: unknown[] = []): Promise<boolean> {
  try {
    await sql(text, params)
    return false
  } catch {
    return true
  }
}

describe('elements: the SQL domain public.element and ELEMENTS', () => {
  it('the domain public.element accepts exactly the elements ELEMENTS lists, in the same order', async () => {
    expect(await constraintWords(`contypid = 'public.element'::regtype`, [])).toEqual([...ELEMENTS])
  })

  it('no SQL function keeps its own list of the elements', async () => {
    const copies = await sql(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'app_private') and p.prosrc like '%''aether''%'`,
      [],
    )
    expect(copies).toEqual([])
  })

  it('every element of ELEMENTS casts to public.element and a sixth one is refused', async () => {
    for (const element of ELEMENTS) {
      expect(await sql('select $1::public.element as e', [element])).toEqual([{ e: element }])
    }
    expect(await refuses(`select 'metal'::public.element`)).toBe(true)
    expect(await refuses(`select array['fire', 'metal']::public.element_list`)).toBe(true)
  })

  it('the conversation, message and knowledge columns are typed by the domain rather than checking a copy of the list', async () => {
    const rows = await sql<{ table_name: string; column_name: string; domain_name: string | null }>(
      `select table_name, column_name, domain_name from information_schema.columns
        where table_schema = 'public' and column_name in ('dominant_element', 'element', 'elemental_tags')
        order by table_name, column_name`,
    )
    expect(rows).toEqual([
      { table_name: 'tenant_conversations', column_name: 'dominant_element', domain_name: 'element' },
      { table_name: 'tenant_knowledge', column_name: 'elemental_tags', domain_name: 'element_list' },
      { table_name: 'tenant_messages', column_name: 'element', domain_name: 'element' },
    ])
    const copies = await sql<{ definition: string }>(
      `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
         join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%aether%'`,
    )
    expect(copies).toEqual([])
  })
})

describe('API key scopes: the tenant_api_keys.scopes check and API_KEY_SCOPES', () => {
  it('the scopes check accepts exactly the scopes API_KEY_SCOPES lists, in the same order', async () => {
    const words = await constraintWords(
      `conrelid = 'public.tenant_api_keys'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%scopes%'`,
      [],
    )
    expect(words).toEqual([...API_KEY_SCOPES])
  })
})

describe('tenant roles: SQL checks and role_rank against TENANT_ROLES', () => {
  it('tenant_users and tenant_invitations accept exactly the roles TENANT_ROLES lists', async () => {
    for (const table of ['tenant_users', 'tenant_invitations']) {
      const words = await constraintWords(`conrelid = $1::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%role%'`, [
        `public.${table}`,
      ])
      expect(words).toEqual([...TENANT_ROLES])
    }
  })

  it('app_private.role_rank orders the roles as TENANT_ROLES does (highest first) and ranks anything else 0', async () => {
    const rows = await sql<{ role: string; rank: number }>(
      `select role, app_private.role_rank(role) as rank from unnest($1::text[]) with ordinality as r(role, position) order by position`,
      [[...TENANT_ROLES, 'owner']],
    )
    const ranks = rows.map((row) => row.rank)
    expect(ranks.at(-1)).toBe(0)
    const roleRanks = ranks.slice(0, -1)
    expect([...roleRanks].sort((a, b) => b - a)).toEqual(roleRanks)
    expect(new Set(roleRanks).size).toBe(TENANT_ROLES.length)
    expect(Math.min(...roleRanks)).toBeGreaterThan(0)
  })

  it('roleReaches gives the answer role_rank gives for every pair of roles', async () => {
    const rows = await sql<{ role: string; min_role: string; reaches: boolean }>(
      `select r.role, m.role as min_role, app_private.role_rank(r.role) >= app_private.role_rank(m.role) as reaches
         from unnest($1::text[]) r(role) cross join unnest($1::text[]) m(role)`,
      [[...TENANT_ROLES]],
    )
    expect(rows).toHaveLength(TENANT_ROLES.length ** 2)
    for (const row of rows) {
      const role = row.role as (typeof TENANT_ROLES)[number]
      const minRole = row.min_role as (typeof TENANT_ROLES)[number]
      expect(roleReaches(role, minRole), `${role} reaches ${minRole}`).toBe(row.reaches)
    }
    expect(roleReaches(null, 'viewer')).toBe(false)
  })
})

describe('plans: app_private.plan_default_limits is the one owner of the defaults', () => {
  it('the tenants.plan_tier check accepts exactly the tiers PLAN_TIERS lists', async () => {
    const words = await constraintWords(
      `conrelid = 'public.tenants'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%plan_tier%'`,
      [],
    )
    expect(words).toEqual([...PLAN_TIERS])
  })

  it('planDefaults and listPlans read the defaults the database has, for every tier', async () => {
    const plans = await listPlans()
    expect(plans.map((plan) => plan.tier)).toEqual([...PLAN_TIERS])
    for (const plan of plans) {
      const [row] = await sql<{ limits: unknown }>('select app_private.plan_default_limits($1) as limits', [plan.tier])
      expect(plan.defaults).toEqual(row?.limits)
      expect(await withService(db, (tx) => planDefaults(tx, plan.tier))).toEqual(plan.defaults)
    }
    expect(plans.find((plan) => plan.tier === 'starter')?.defaults).toEqual({
      conversationsPerMonth: 1000,
      tokensPerMonth: null,
      storageMb: 10240,
      members: null,
    })
  })

  it('a stored limit wins, JSON null is unlimited, and a missing, negative, fractional or non-numeric limit takes the plan default', async () => {
    const [row] = await sql<{ limits: unknown }>(`select app_private.effective_limits($1::text::jsonb, 'starter') as limits`, [
      JSON.stringify({ conversationsPerMonth: 5, tokensPerMonth: null, storageMb: -1, members: 'many', unknownKey: 7 }),
    ])
    expect(row?.limits).toEqual({ conversationsPerMonth: 5, tokensPerMonth: null, storageMb: 10240, members: null })
    const [fractional] = await sql<{ limits: Record<string, unknown> }>(
      `select app_private.effective_limits('{"conversationsPerMonth": 2.5}'::jsonb, 'professional') as limits`,
    )
    expect(fractional?.limits.conversationsPerMonth).toBe(10000)
  })

  it('a tenant stored without limits reads its own plan defaults, in the API and in the usage functions alike', async () => {
    const root = await createUser(db, { email: 'root@rules.test' })
    await makePlatformAdmin(db, root.userId)
    const caller = actingAs(db, { sub: root.userId, email: root.email })
    for (const tier of PLAN_TIERS) {
      const tenant = await createTenant(db, { slug: `bare-${tier}`, planTier: tier })
      const defaults = await withService(db, (tx) => planDefaults(tx, tier))
      expect((await getTenant(caller, tenant.id)).limits).toEqual(defaults)
      const [limit] = await sql<{ conversations: string | null; storage: string | null }>(
        `select app_private.tenant_limit($1, 'conversationsPerMonth')::text as conversations, app_private.tenant_limit($1, 'storageMb')::text as storage`,
        [tenant.id],
      )
      expect(limit).toEqual({
        conversations: defaults.conversationsPerMonth === null ? null : String(defaults.conversationsPerMonth),
        storage: defaults.storageMb === null ? null : String(defaults.storageMb),
      })
    }
  })
})

describe('slugs: the tenants.slug check and the slug schema', () => {
  const samples = [
    'abc',
    'a1',
    'ab',
    'a',
    '7-up',
    'a-b',
    'a--b',
    '-ab',
    'ab-',
    'ABC',
    'a_b',
    'a.b',
    'ab c',
    'café',
    'x'.repeat(48),
    'x'.repeat(49),
  ]

  it('the slug schema (and the router guard) accept exactly the slugs the SQL check accepts', async () => {
    const [pattern] = await constraintWords(
      `conrelid = 'public.tenants'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%slug%'`,
      [],
    )
    const rows = await sql<{ slug: string; accepted: boolean }>(
      `select slug, slug ~ $2 as accepted from unnest($1::text[]) with ordinality as s(slug, position) order by position`,
      [samples, pattern],
    )
    const sqlAccepts = rows.map((row) => row.accepted)
    expect(sqlAccepts).toContain(true)
    expect(sqlAccepts).toContain(false)
    expect(samples.map((slug) => slugSchema.safeParse(slug).success)).toEqual(sqlAccepts)
    expect(samples.map(isSlugShape)).toEqual(sqlAccepts)
  })
})

describe('widget origins: the tenant_widget_origins.origin check and the origin contract', () => {
  const samples = [
    'https://shop.example.com',
    'HTTPS://Shop.Example.com:443/',
    'http://127.0.0.1:4000',
    'http://localhost:3000',
    'https://bücher.example',
    'https://shop.example.com/checkout',
    'https://-bad.example',
    'https://a_b.example',
    'ftp://shop.example.com',
    'https://[::1]:3000',
    'https://user:pw@shop.example.com',
    'https://*.example.com',
    `https://${'a'.repeat(64)}.example`,
  ]

  /** Whether the table's check takes `origin`; the insert is rolled back either way. */
  async function checkAccepts(tenantId: string, origin: string): Promise<boolean> {
    const rolledBack = new Error('rolled back')
    try {
      await withService(db, async (tx) => {
        await tx.query('insert into public.tenant_widget_origins (tenant_id, origin) values ($1, $2)', [tenantId, origin])
        throw rolledBack
      })
    } catch (error) {
      return error === rolledBack
    }
    return false
  }

  it('every origin the contract produces passes the SQL check, and whatever the contract refuses the check refuses too', async () => {
    const tenant = await createTenant(db, { slug: 'origin-rules' })
    let produced = 0
    let refused = 0
    for (const sample of samples) {
      const verdict = normaliseOrigin(sample)
      if ('origin' in verdict) {
        produced += 1
        expect(await checkAccepts(tenant.id, verdict.origin), verdict.origin).toBe(true)
      } else {
        refused += 1
        expect(await checkAccepts(tenant.id, sample), sample).toBe(false)
      }
    }
    expect(produced).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})

describe('privacy levels and requests: their SQL checks against PRIVACY_LEVELS, REQUEST_STATUSES and RESOURCE_REQUEST_KINDS', () => {
  const checkWords = (table: string, column: string) =>
    constraintWords(`conrelid = $1::regclass and contype = 'c' and pg_get_constraintdef(oid) ~ $2`, [
      `public.${table}`,
      `^CHECK \\(\\(${column} = `,
    ])

  it('the tenants.privacy_level check accepts exactly the levels PRIVACY_LEVELS lists, and public_access is the public one', async () => {
    expect(await checkWords('tenants', 'privacy_level')).toEqual([...PRIVACY_LEVELS])
    const [column] = await sql<{ expression: string }>(
      `select generation_expression as expression from information_schema.columns
        where table_schema = 'public' and table_name = 'tenants' and column_name = 'public_access'`,
    )
    expect(column?.expression).toBe("(privacy_level = 'public'::text)")
  })

  it('both request tables and their histories accept exactly REQUEST_STATUSES; resource requests exactly RESOURCE_REQUEST_KINDS', async () => {
    for (const table of [
      'tenant_access_requests',
      'tenant_access_request_events',
      'tenant_resource_requests',
      'tenant_resource_request_events',
    ]) {
      expect(await checkWords(table, 'status'), table).toEqual([...REQUEST_STATUSES])
    }
    expect(await checkWords('tenant_resource_requests', 'kind')).toEqual([...RESOURCE_REQUEST_KINDS])
  })
})
