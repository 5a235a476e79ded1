import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asServer, withAnon, withService, withUser } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  attempt,
  changedRows as change,
  countRows as count,
  plainStatement as write,
  seedIsolationWorld,
  type IsolationWorld,
  type Runner,
} from '../support/isolation-fixtures'

/*
 * Direct access: what a caller holding only a user token could do with plain SQL
 * (PostgREST exposes `public` on Supabase), beyond the app's own code paths. Grants,
 * policies and triggers must hold on their own.
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

const signedIn =
  (sub: string): Runner =>
  (fn) =>
    withUser(db, { sub, email: `${sub}@claims.test` }, fn)
const admin = () => signedIn(world.home.adminId)
const member = () => signedIn(world.home.userId)
const platform = () => signedIn(world.platformAdminId)

describe("a tenant's commercial and routing fields", () => {
  const GUARDED: [string, string][] = [
    ['plan_tier', "plan_tier = 'enterprise'"],
    ['limits', `limits = '{"conversationsPerMonth": null, "tokensPerMonth": null, "storageMb": null, "members": null}'`],
    ['status', "status = 'trial'"],
    ['features', `features = '{"unlimitedEverything": true}'`],
    ['slug', "slug = 'taken-over'"],
    ['domain', "domain = 'taken-over.example'"],
    ['trial_ends_at', "trial_ends_at = now() + interval '10 years'"],
  ]
  const update = (set: string) => change(`update public.tenants set ${set} where id = $1`, [world.home.id])

  it.each(GUARDED)('a tenant admin cannot change %s (OR403)', async (_column, set) => {
    expect(await attempt(admin(), update(set))).toBe('or403')
  })

  it.each(GUARDED)('a platform admin can change %s', async (_column, set) => {
    expect(await attempt(platform(), update(set))).toBe('allow')
  })

  it.each([
    ['brand_voice', `brand_voice = '{"tone": "warm"}'`],
    ['maia_personality', `maia_personality = '{"style": "socratic"}'`],
    ['name', "name = 'Home, renamed'"],
    ['elemental_signature', `elemental_signature = '{"primary": "water"}'`],
  ])('a tenant admin can change %s', async (_column, set) => {
    expect(await attempt(admin(), update(set))).toBe('allow')
  })

  it.each([
    ['id', 'id = gen_random_uuid()'],
    ['created_at', "created_at = now() - interval '1 year'"],
  ])('nobody through the API can rewrite %s (no column grant)', async (_column, set) => {
    expect(await attempt(admin(), update(set))).toBe('perm')
    expect(await attempt(platform(), update(set))).toBe('perm')
  })
})

describe('memberships', () => {
  const insertMember = (tenantId: string, userId: string, role: string) =>
    write('insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, $3)', [tenantId, userId, role])
  const setRole = (userId: string, role: string) =>
    change('update public.tenant_users set role = $3 where tenant_id = $1 and user_id = $2', [world.home.id, userId, role])
  const removeMember = (userId: string) =>
    change('delete from public.tenant_users where tenant_id = $1 and user_id = $2', [world.home.id, userId])

  it('a member of one tenant cannot add themselves to another', async () => {
    expect(await attempt(signedIn(world.other.adminId), insertMember(world.home.id, world.other.adminId, 'admin'))).toBe('perm')
  })

  it('nobody attaches an account directly, not even to their own tenant: members join by accepting an invitation', async () => {
    expect(await attempt(admin(), insertMember(world.other.id, world.lonerId, 'viewer'))).toBe('perm')
    expect(await attempt(admin(), insertMember(world.home.id, world.lonerId, 'viewer'))).toBe('perm')
    expect(await attempt(platform(), insertMember(world.home.id, world.lonerId, 'viewer'))).toBe('perm')
  })

  it('a member cannot raise their own role', async () => {
    expect(await attempt(member(), setRole(world.home.userId, 'admin'))).toBe('zero')
  })

  it('a tenant admin cannot move a member to another tenant (tenant_id is not updatable)', async () => {
    const move = change('update public.tenant_users set tenant_id = $2 where tenant_id = $1 and user_id = $3', [
      world.home.id,
      world.other.id,
      world.home.userId,
    ])
    expect(await attempt(admin(), move)).toBe('perm')
    expect(await attempt(platform(), move)).toBe('perm')
  })

  it('the last admin cannot be demoted or removed, by themselves or by a platform admin (OR409)', async () => {
    expect(await attempt(admin(), setRole(world.home.adminId, 'user'))).toBe('or409')
    expect(await attempt(admin(), removeMember(world.home.adminId))).toBe('or409')
    expect(await attempt(platform(), setRole(world.home.adminId, 'viewer'))).toBe('or409')
    expect(await attempt(platform(), removeMember(world.home.adminId))).toBe('or409')
  })

  it('an admin can step down once another admin exists', async () => {
    const withSecondAdmin: Runner = (fn) =>
      admin()(async (tx) => {
        // Arranged as the server (the invitation path), then back to the admin's role.
        await tx.query('reset role')
        await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'admin')", [
          world.home.id,
          world.lonerId,
        ])
        await tx.query('set local role authenticated')
        return fn(tx)
      })
    expect(await attempt(withSecondAdmin, setRole(world.home.adminId, 'user'))).toBe('allow')
  })

  it('nobody makes themselves a platform admin', async () => {
    const promote = (sub: string) => write('insert into public.platform_admins (user_id) values ($1)', [sub])
    expect(await attempt(admin(), promote(world.home.adminId))).toBe('perm')
    expect(await attempt(member(), promote(world.home.userId))).toBe('perm')
  })
})

describe('rows cannot be moved or planted across tenants', () => {
  it.each([
    ['tenant_knowledge', 'admin'],
    ['tenant_knowledge_chunks', 'admin'],
    ['tenant_invitations', 'admin'],
    ['tenant_conversations', 'user'],
    ['tenant_messages', 'user'],
  ])('%s: the %s cannot rewrite tenant_id (no column grant)', async (table, who) => {
    const move = change(`update public.${table} set tenant_id = $2 where tenant_id = $1`, [world.home.id, world.other.id])
    expect(await attempt(who === 'admin' ? admin() : member(), move)).toBe('perm')
  })

  it('a chunk cannot point at another tenant’s document: the admin may not insert chunks, and for the server the foreign key includes tenant_id', async () => {
    const plant = write(
      `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
       values ($1, $2, 50, 'planted', 'm')`,
      [world.home.id, world.other.knowledgeId],
    )
    expect(await attempt(admin(), plant)).toBe('perm')
    expect(await attempt((fn) => withService(db, fn), plant)).toBe('fk')
  })

  it('a tenant admin cannot start a conversation or post a message in another member’s name', async () => {
    const start = write('insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2)', [world.home.id, world.home.userId])
    const post = write(
      "insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'x')",
      [world.home.id, world.home.conversationId, world.home.userId],
    )
    expect(await attempt(admin(), start)).toBe('check')
    expect(await attempt(admin(), post)).toBe('check')
    expect(await attempt(member(), post)).toBe('allow')
  })

  it('a tenant admin cannot post into a member’s conversation under their own name', async () => {
    const post = write(
      "insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'x')",
      [world.home.id, world.home.conversationId, world.home.adminId],
    )
    expect(await attempt(admin(), post)).toBe('fk')
  })
})

describe('invitations', () => {
  it('a tenant admin cannot invite in somebody else’s name', async () => {
    const invite = (invitedBy: string) =>
      write(
        `insert into public.tenant_invitations (tenant_id, email, role, token_hash, invited_by)
         values ($1, 'someone@new.test', 'admin', repeat('b', 64), $2)`,
        [world.home.id, invitedBy],
      )
    expect(await attempt(admin(), invite(world.platformAdminId))).toBe('check')
    expect(await attempt(admin(), invite(world.home.adminId))).toBe('allow')
  })

  it('nobody through the API reads invitation token hashes', async () => {
    expect(await attempt(admin(), count('public.tenant_invitations where token_hash is not null'))).toBe('perm')
    expect(await attempt(platform(), count('public.tenant_invitations where token_hash is not null'))).toBe('perm')
    expect(await attempt(admin(), count('public.tenant_invitations where email is not null'))).toBe('allow')
  })
})

describe('usage counters and the audit trail', () => {
  it('a tenant admin cannot reset the usage counters that enforce limits', async () => {
    const reset = change('update public.tenant_usage set storage_bytes = 0, conversations = 0 where tenant_id = $1', [world.home.id])
    expect(await attempt(admin(), reset)).toBe('perm')
    expect(await attempt(platform(), reset)).toBe('perm')
  })

  // Grants are the first wall; the append-only trigger must hold even if one is added by mistake.
  it.each(['update', 'delete'])('the append-only trigger refuses a platform admin’s %s even when granted', async (op) => {
    const sql = op === 'update' ? "update public.audit_logs set action = 'forged.entry'" : 'delete from public.audit_logs'
    const runGranted: Runner = (fn) =>
      withService(db, async (tx) => {
        await tx.query(`grant ${op} on public.audit_logs to authenticated`)
        await tx.query('create policy probe_all on public.audit_logs for all to authenticated using (true) with check (true)')
        await tx.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({ sub: world.platformAdminId, role: 'authenticated' }),
        ])
        return fn(tx)
      })
    expect(await attempt(runGranted, change(`${sql} where tenant_id = $1`, [world.home.id]))).toBe('or403')
  })

  it('no API role executes write_audit: not a member, a visitor, a stranger, nor a platform admin', async () => {
    const writeFor = (tenantId: string | null) => count('app_private.write_audit($1, $2)', [tenantId, 'probe.forged'])
    expect(await attempt(member(), writeFor(world.other.id))).toBe('perm')
    expect(await attempt(signedIn(world.lonerId), writeFor(world.home.id))).toBe('perm')
    expect(await attempt((fn) => withAnon(db, { tenant_id: world.home.id }, fn), writeFor(world.other.id))).toBe('perm')
    expect(await attempt(member(), writeFor(world.home.id))).toBe('perm')
    expect(await attempt(platform(), writeFor(null))).toBe('perm')
  })

  it('write_audit, called by the server in a member’s transaction, takes the actor from the verified claims', async () => {
    const claims = { sub: world.home.userId, email: 'user@home-tenant.test' }
    const [written] = await withUser(db, claims, (tx) =>
      asServer(tx, (server) => server.query<{ id: string }>("select app_private.write_audit($1, 'probe.actor') as id", [world.home.id])),
    )
    const rows = await withService(db, (tx) => tx.query('select actor_id, actor_email from public.audit_logs where id = $1', [written?.id]))
    expect(rows).toEqual([{ actor_id: world.home.userId, actor_email: 'user@home-tenant.test' }])
  })
})

describe('personal documents, advisors and shares', () => {
  const viewer = () => signedIn(world.home.viewerId)

  it('a member cannot write a personal document in another member’s name (WITH CHECK), the owner can in their own', async () => {
    const insert = (owner: string) =>
      write(
        `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, owner_id)
         values ($1, 'Forged', 'forged text', md5('forged text'), $2)`,
        [world.home.id, owner],
      )
    expect(await attempt(admin(), insert(world.home.userId))).toBe('check')
    expect(await attempt(member(), insert(world.home.userId))).toBe('allow')
  })

  it('a tenant admin cannot change the audience of, or re-file, a member’s personal document', async () => {
    const doc = world.home.personalDocumentId
    expect(await attempt(admin(), change("update public.tenant_knowledge set visibility = 'admins' where id = $1", [doc]))).toBe('zero')
    expect(await attempt(admin(), change('update public.tenant_knowledge set title = $2 where id = $1', [doc, 'Seen']))).toBe('zero')
  })

  it('nobody adds chunks to a personal document directly, not the tenant admin, not even its owner: the server adds them with it', async () => {
    const chunk = write(
      `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
       values ($1, $2, 50, 'injected', 'fixture')`,
      [world.home.id, world.home.personalDocumentId],
    )
    expect(await attempt(admin(), chunk)).toBe('perm')
    expect(await attempt(member(), chunk)).toBe('perm')
  })

  it('a share naming another tenant’s member, group or document is refused by the foreign keys', async () => {
    const share = (grantee: string, column: 'grantee_user_id' | 'grantee_group_id') =>
      write(
        `insert into public.tenant_shares (tenant_id, owner_id, resource_type, document_id, ${column})
         values ($1, $2, 'document', $3, $4)`,
        [world.home.id, world.home.userId, world.home.personalDocumentId, grantee],
      )
    expect(await attempt(member(), share(world.other.userId, 'grantee_user_id'))).toBe('fk')
    expect(await attempt(member(), share(world.other.groupId, 'grantee_group_id'))).toBe('fk')
    expect(await attempt(member(), share(world.home.adminId, 'grantee_user_id'))).toBe('allow')
    const foreignDocument = write(
      `insert into public.tenant_shares (tenant_id, owner_id, resource_type, document_id, grantee_tenant)
       values ($1, $2, 'document', $3, true)`,
      [world.home.id, world.home.userId, world.other.personalDocumentId],
    )
    expect(await attempt(member(), foreignDocument)).toBe('fk')
  })

  it('a conversation cannot be started with an advisor its owner may not use', async () => {
    const [hidden] = await withService(db, (tx) =>
      tx.query<{ id: string }>("insert into public.tenant_advisors (tenant_id, name) values ($1, 'Admins only') returning id", [
        world.home.id,
      ]),
    )
    const start = (uid: string, advisorId: string | undefined) =>
      write('insert into public.tenant_conversations (tenant_id, user_id, advisor_id) values ($1, $2, $3)', [world.home.id, uid, advisorId])
    expect(await attempt(member(), start(world.home.userId, hidden?.id))).toBe('check')
    expect(await attempt(member(), start(world.home.userId, world.home.advisorId))).toBe('allow')
    expect(await attempt(viewer(), count('public.tenant_advisors where id = $1', [hidden?.id]))).toBe('zero')
  })

  it('anonymous callers read no collection, group, advisor or share of a private tenant', async () => {
    const anon: Runner = (fn) => withAnon(db, { tenant_id: world.other.id }, fn)
    expect(await attempt(anon, count('public.tenant_collections where tenant_id = $1', [world.other.id]))).toBe('zero')
    for (const table of ['tenant_groups', 'tenant_advisors', 'tenant_shares']) {
      expect(await attempt(anon, count(`public.${table} where tenant_id = $1`, [world.other.id]))).toBe('perm')
    }
  })
})
