import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  actorScope,
  attempt,
  changedRows,
  countRows,
  seedIsolationWorld,
  type Actor,
  type IsolationWorld,
  type Outcome,
} from '../support/isolation-fixtures'

/*
 * What the schema hands to the API roles beyond tables: functions, views and the auth
 * schema. app_private is not exposed by PostgREST, but a function there is only as safe
 * as its execute grants and its own checks; a function in `public` is an RPC endpoint.
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

type FunctionRow = { name: string; secdef: boolean; config: string[] | null }

function functionsIn(schemas: string[], where = 'true'): Promise<FunctionRow[]> {
  return withService(db, (tx) =>
    tx.query<FunctionRow>(
      `select n.nspname || '.' || p.proname as name, p.prosecdef as secdef, p.proconfig as config
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any ($1::text[]) and ${where}
        order by 1`,
      [schemas],
    ),
  )
}

describe('what the schema exposes', () => {
  it('grants PUBLIC execute on no function in app_private', async () => {
    const open = await functionsIn(['app_private'], "has_function_privilege('public', p.oid, 'execute')")
    expect((await functionsIn(['app_private'])).length).toBeGreaterThan(5)
    expect(open.map((row) => row.name)).toEqual([])
  })

  it('pins search_path to empty in every security definer function', async () => {
    const definers = await functionsIn(['app_private', 'public', 'auth'], 'p.prosecdef')
    expect(definers.length).toBeGreaterThan(3)
    const unpinned = definers.filter((row) => !(row.config ?? []).includes('search_path=""'))
    expect(unpinned.map((row) => row.name)).toEqual([])
  })

  it('offers no security definer function in public, where PostgREST would make it an RPC', async () => {
    const exposed = await functionsIn(['public'], 'p.prosecdef')
    expect(exposed.map((row) => row.name)).toEqual([])
  })

  it('lets neither anon nor authenticated execute a trigger function', async () => {
    const callable = await functionsIn(
      ['app_private', 'public'],
      `p.prorettype = 'trigger'::regtype and (has_function_privilege('anon', p.oid, 'execute')
        or has_function_privilege('authenticated', p.oid, 'execute'))`,
    )
    expect(callable.map((row) => row.name)).toEqual([])
  })

  it('lets the API roles reach no table of auth or app_private except listing and revoking sessions', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ grant: string }>(
        `select n.nspname || '.' || c.relname || ' ' || api.role || ' ' || priv.name as grant
           from pg_class c join pg_namespace n on n.oid = c.relnamespace,
                unnest(array['anon', 'authenticated']) as api(role),
                unnest(array['select', 'insert', 'update', 'delete']) as priv(name)
          where n.nspname in ('auth', 'app_private') and c.relkind in ('r', 'v', 'm', 'p')
            and (has_table_privilege(api.role, c.oid, priv.name)
              or (priv.name <> 'delete' and has_any_column_privilege(api.role, c.oid, priv.name)))
          order by 1`,
      ),
    )
    expect(rows.map((row) => row.grant)).toEqual(['auth.local_sessions authenticated delete', 'auth.local_sessions authenticated select'])
  })

  it('never lets the API roles read a password hash, a session token hash or an API key hash', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ readable: boolean }>(
        `select bool_or(has_column_privilege(api.role, col.tbl, col.name, 'select')) as readable
           from unnest(array['anon', 'authenticated']) as api(role),
                (values ('auth.users'::regclass, 'encrypted_password'), ('auth.local_sessions'::regclass, 'token_hash'),
                        ('public.tenant_invitations'::regclass, 'token_hash'),
                        ('public.tenant_api_keys'::regclass, 'secret_hash')) as col(tbl, name)`,
      ),
    )
    expect(rows).toEqual([{ readable: false }])
  })

  it('has no view in public that runs with its owner’s rights, and no materialized view', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ relname: string }>(
        `select c.relname from pg_class c
          where c.relnamespace = 'public'::regnamespace
            and (c.relkind = 'm' or (c.relkind = 'v'
              and coalesce(array_to_string(c.reloptions, ','), '') !~ 'security_invoker=(true|on|yes|1)'))`,
      ),
    )
    expect(rows).toEqual([])
  })
})

describe('calling app_private functions directly', () => {
  const home = () => world.home.id
  const CALLS: [string, Actor, string, () => unknown[], Outcome][] = [
    ['list members', 'anon', 'app_private.tenant_member_list($1)', () => [home()], 'perm'],
    ['list members', 'user', 'app_private.tenant_member_list($1)', () => [home()], 'or403'],
    ['list members', 'outsider', 'app_private.tenant_member_list($1)', () => [home()], 'or403'],
    ['list members', 'admin', 'app_private.tenant_member_list($1)', () => [home()], 'allow'],
    ['list members', 'platform', 'app_private.tenant_member_list($1)', () => [home()], 'allow'],
    ['leave a tenant', 'anon', 'app_private.leave_tenant($1)', () => [home()], 'perm'],
    ['leave a tenant one is not a member of', 'outsider', 'app_private.leave_tenant($1)', () => [home()], 'or404'],
    ['leave a tenant', 'user', 'app_private.leave_tenant($1)', () => [home()], 'allow'],
    ['verify the audit chain', 'anon', 'app_private.verify_audit_chain($1)', () => [home()], 'perm'],
    ['verify the audit chain', 'user', 'app_private.verify_audit_chain($1)', () => [home()], 'or403'],
    ['verify the audit chain', 'outsider', 'app_private.verify_audit_chain($1)', () => [home()], 'or403'],
    ['verify the audit chain', 'admin', 'app_private.verify_audit_chain($1)', () => [home()], 'allow'],
    ['purge an audit log', 'anon', 'app_private.purge_tenant_audit($1)', () => [home()], 'perm'],
    ['purge an audit log', 'admin', 'app_private.purge_tenant_audit($1)', () => [home()], 'or403'],
    ['purge a living tenant’s audit log', 'platform', 'app_private.purge_tenant_audit($1)', () => [home()], 'or409'],
    ['adjust storage counters', 'admin', 'app_private.adjust_storage($1, $2)', () => [home(), -1_000_000], 'perm'],
    ['run the membership guard', 'admin', 'app_private.assert_can_manage_members($1)', () => [home()], 'perm'],
    // The counters and the rate limiter answer the server only, whatever the claims say.
    ['count a new conversation', 'user', 'app_private.consume_conversation($1)', () => [home()], 'perm'],
    ['count a new conversation', 'visitor', 'app_private.consume_conversation($1)', () => [home()], 'perm'],
    ['count a new conversation', 'viewer', 'app_private.consume_conversation($1)', () => [home()], 'perm'],
    ['count a new conversation', 'outsider', 'app_private.consume_conversation($1)', () => [home()], 'perm'],
    ['count a new conversation', 'service', 'app_private.consume_conversation($1)', () => [home()], 'allow'],
    ['reserve tokens', 'anon', 'app_private.reserve_tokens($1, 10)', () => [home()], 'perm'],
    ['record an exchange', 'user', 'app_private.record_exchange($1, null, 0, 1, 1, 1, false, null)', () => [home()], 'perm'],
    ['release an exchange', 'user', 'app_private.release_exchange($1, null, 0, 0, 0, true)', () => [home()], 'perm'],
    // A member's tier is counted by the server alone too; erasure runs only inside account deletion.
    ['reserve a member question', 'user', 'app_private.reserve_member_exchange($1, $2, 0)', () => [home(), world.home.userId], 'perm'],
    ['reserve a member question', 'admin', 'app_private.reserve_tokens($1, 0, $2)', () => [home(), world.home.userId], 'perm'],
    ['reserve a member question', 'service', 'app_private.reserve_member_exchange($1, $2, 0)', () => [home(), world.home.userId], 'allow'],
    [
      'record a member exchange',
      'user',
      'app_private.record_exchange($1, null, 0, 1, 1, 1, false, null, $2)',
      () => [home(), world.home.userId],
      'perm',
    ],
    [
      'release a member exchange',
      'user',
      'app_private.release_exchange($1, null, 0, 0, 0, true, $2)',
      () => [home(), world.home.userId],
      'perm',
    ],
    ['pseudonymise audit rows', 'platform', 'app_private.pseudonymise_audit(array[$1::text], gen_random_uuid())', () => [home()], 'perm'],
    ['erase a person', 'admin', "app_private.erase_person($1, 'user@home-tenant.test')", () => [world.home.userId], 'perm'],
    [
      'count a rate-limit hit',
      'visitor',
      "app_private.hit_rate_limit('visitor', $1, 20, interval '10 minutes')",
      () => ['203.0.113.9'],
      'perm',
    ],
    [
      'count a rate-limit hit',
      'admin',
      "app_private.hit_rate_limit('visitor', $1, 20, interval '10 minutes')",
      () => ['203.0.113.9'],
      'perm',
    ],
    [
      'count a rate-limit hit',
      'service',
      "app_private.hit_rate_limit('visitor', $1, 20, interval '10 minutes')",
      () => ['203.0.113.9'],
      'allow',
    ],
    ['accept an invitation', 'anon', 'app_private.accept_tenant_invitation($1)', () => ['0'.repeat(64)], 'perm'],
    ['delete an account', 'anon', 'app_private.delete_my_account()', () => [], 'perm'],
  ]

  it.each(CALLS)('%s as %s', async (_label, actor, call, params, expected) => {
    const scope = actorScope(db, world, actor)
    expect(await attempt(scope.run, countRows(call, params()))).toBe(expected)
  })
})

describe('local sessions', () => {
  it('a user lists and revokes their own sessions and nobody else’s', async () => {
    const { userId, adminId } = world.home
    await withService(db, (tx) =>
      tx.query(
        `insert into auth.local_sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
         select owner, md5(owner::text), now(), now(), now() + interval '1 day' from unnest($1::uuid[]) as owner`,
        [[userId, adminId]],
      ),
    )
    const user = actorScope(db, world, 'user').run
    const sessionsOf = (owner: string) => countRows('auth.local_sessions where user_id = $1', [owner])
    const revoke = (owner: string) => changedRows('delete from auth.local_sessions where user_id = $1', [owner])
    expect(await attempt(user, sessionsOf(userId))).toBe('allow')
    expect(await attempt(user, sessionsOf(adminId))).toBe('zero')
    expect(await attempt(user, revoke(adminId))).toBe('zero')
    expect(await attempt(user, revoke(userId))).toBe('allow')
  })
})
