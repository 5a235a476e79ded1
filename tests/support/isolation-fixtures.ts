import { createHash } from 'node:crypto'
import { withAnon, withService, withUser, type Database, type Queryable } from '@/lib/db'

/*
 * Shared set-up for the isolation suites: two fully populated tenants (every table has
 * rows for both), one user per role, a platform admin and a user who belongs nowhere,
 * plus a way to run one statement as any actor and name what happened.
 */

export type TenantFixture = {
  id: string
  slug: string
  adminId: string
  userId: string
  viewerId: string
  knowledgeId: string
  /** Owned by the tenant's `user` member: conversations are private to their owner. */
  conversationId: string
  /** A live API key of the tenant with every scope, made by its admin. */
  apiKeyId: string
  /** An end user of the tenant's site with a history and a live session (its token's hash: endUserSessionHash). */
  endUserId: string
  /** A site allowed to embed the tenant's widget, added by its admin. */
  widgetOriginId: string
  /** The tenant's default collection (it holds the handbook) and an empty second one. */
  defaultCollectionId: string
  extraCollectionId: string
  /** A group whose one member is the viewer, and an empty group. */
  groupId: string
  emptyGroupId: string
  /** A tenant document read by the group (and admins) only. */
  teamDocumentId: string
  /** A tenant advisor over the default collection, for the user member (by name) and the group. */
  advisorId: string
  /** The user member's personal document, with one chunk, shared with the group. */
  personalDocumentId: string
  shareId: string
  /** The world's loner asking to join the tenant (pending). */
  accessRequestId: string
  /** The tenant's admin asking the platform for more members (pending). */
  resourceRequestId: string
  /** A member tier the tenant's `user` member is in, with their use of this month. */
  tierId: string
  /** A finished export of the tenant, asked for by its admin. */
  exportId: string
}

export type IsolationWorld = {
  /** Public and active: the tenant the matrix acts on. */
  home: TenantFixture
  /** Private: its admin is the matrix's outsider. */
  other: TenantFixture
  platformAdminId: string
  /** Signed up, member of no tenant. */
  lonerId: string
}

export async function seedUsers(tx: Queryable, emails: string[]): Promise<string[]> {
  const rows = await tx.query<{ id: string; email: string }>(
    'insert into auth.users (email, email_confirmed_at) select unnest($1::text[]), now() returning id, email',
    [emails],
  )
  const byEmail = new Map(rows.map((row) => [row.email, String(row.id)]))
  return emails.map((email) => byEmail.get(email) ?? '')
}

export async function seedTenant(tx: Queryable, input: { slug: string; publicAccess: boolean; status?: string }): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    'insert into public.tenants (slug, name, privacy_level, status) values ($1, $1, $2, $3) returning id',
    [input.slug, input.publicAccess ? 'public' : 'members', input.status ?? 'active'],
  )
  return String(rows[0]?.id)
}

export async function seedKnowledge(tx: Queryable, tenantId: string, title: string, content: string): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, byte_size)
     values ($1, $2, $3, md5($3), octet_length($3)) returning id`,
    [tenantId, title, content],
  )
  return String(rows[0]?.id)
}

/** The hash of the live session the isolation world gives each tenant's end user. */
export const endUserSessionHash = (slug: string) => createHash('sha256').update(`${slug} end-user session`).digest('hex')

async function seedPopulatedTenant(tx: Queryable, slug: string, publicAccess: boolean): Promise<TenantFixture> {
  const [adminId = '', userId = '', viewerId = ''] = await seedUsers(
    tx,
    ['admin', 'user', 'viewer'].map((role) => `${role}@${slug}.test`),
  )
  const id = await seedTenant(tx, { slug, publicAccess })
  await tx.query(
    `insert into public.tenant_users (tenant_id, user_id, role)
     values ($1, $2, 'admin'), ($1, $3, 'user'), ($1, $4, 'viewer')`,
    [id, adminId, userId, viewerId],
  )
  const knowledgeId = await seedKnowledge(tx, id, `${slug} handbook`, `How ${slug} works.`)
  await tx.query(
    `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
     values ($1, $2, 0, $3, 'fixture'), ($1, $2, 1, $4, 'fixture')`,
    [id, knowledgeId, `${slug} opening hours`, `${slug} refund policy`],
  )
  const conversation = await tx.query<{ id: string }>(
    'insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3) returning id',
    [id, userId, `${slug} private thread`],
  )
  const conversationId = String(conversation[0]?.id)
  await tx.query(
    `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content)
     values ($1, $2, $3, 'user', 'a question'), ($1, $2, $3, 'assistant', 'an answer')`,
    [id, conversationId, userId],
  )
  await tx.query(
    // Knowledge storage triggers may already have opened this month's row.
    `insert into public.tenant_usage (tenant_id, period, conversations, messages)
     values ($1, date_trunc('month', now() at time zone 'utc')::date, 1, 2)
     on conflict (tenant_id, period) do update set conversations = 1, messages = 2`,
    [id],
  )
  await tx.query('insert into public.tenant_usage_daily (tenant_id, day, conversations, messages) values ($1, current_date, 1, 2)', [id])
  await tx.query(
    `insert into public.tenant_invitations (tenant_id, email, role, token_hash, invited_by)
     values ($1, $2, 'viewer', encode(sha256(convert_to($2, 'UTF8')), 'hex'), $3)`,
    [id, `invitee@${slug}.test`, adminId],
  )
  const original = await tx.query<{ id: string }>(
    `insert into public.tenant_knowledge_originals (tenant_id, knowledge_id, file_name, media_type, content)
     values ($1, $2, 'handbook.md', 'text/markdown', convert_to($3, 'UTF8')) returning id`,
    [id, knowledgeId, `How ${slug} works.`],
  )
  await tx.query(
    `insert into public.knowledge_jobs (tenant_id, kind, file_name, original_id, document_id, status, progress)
     values ($1, 'ingest', 'handbook.md', $2, $3, 'done', 100)`,
    [id, original[0]?.id, knowledgeId],
  )
  const apiKey = await tx.query<{ id: string }>(
    `insert into public.tenant_api_keys (tenant_id, name, prefix, secret_hash, scopes, created_by)
     values ($1::uuid, 'Fixture key', 'oak_fixture0', encode(sha256(convert_to($1::text, 'UTF8')), 'hex'),
             array['chat', 'knowledge:read', 'knowledge:write', 'usage:read'], $2) returning id`,
    [id, adminId],
  )
  await tx.query(
    "insert into public.tenant_identity_secrets (tenant_id, secret_ciphertext, created_by) values ($1, 'v1:fixture:iv:sealed', $2)",
    [id, adminId],
  )
  const endUser = await tx.query<{ id: string }>(
    "insert into public.tenant_end_users (tenant_id, external_id) values ($1, 'customer-1') returning id",
    [id],
  )
  const endUserId = String(endUser[0]?.id)
  await tx.query(
    `insert into public.tenant_end_user_messages (tenant_id, end_user_id, role, content)
     values ($1, $2, 'user', 'an end user question'), ($1, $2, 'assistant', 'an end user answer')`,
    [id, endUserId],
  )
  await tx.query(
    `insert into public.tenant_end_user_sessions (tenant_id, end_user_id, token_hash, expires_at)
     values ($1, $2, $3, now() + interval '1 hour')`,
    [id, endUserId, endUserSessionHash(slug)],
  )
  const widgetOrigin = await tx.query<{ id: string }>(
    'insert into public.tenant_widget_origins (tenant_id, origin, created_by) values ($1, $2, $3) returning id',
    [id, `https://${slug}.example`, adminId],
  )
  const [defaultCollection] = await tx.query<{ id: string }>(
    'select id from public.tenant_collections where tenant_id = $1 and is_default',
    [id],
  )
  const [extraCollection] = await tx.query<{ id: string }>(
    "insert into public.tenant_collections (tenant_id, name) values ($1, 'Archive') returning id",
    [id],
  )
  const groups = await tx.query<{ id: string; name: string }>(
    "insert into public.tenant_groups (tenant_id, name) values ($1, 'Team'), ($1, 'Empty') returning id, name",
    [id],
  )
  const groupId = String(groups.find((group) => group.name === 'Team')?.id)
  await tx.query('insert into public.tenant_group_members (tenant_id, group_id, user_id) values ($1, $2, $3)', [id, groupId, viewerId])
  const [teamDocument] = await tx.query<{ id: string }>(
    `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, visibility)
     values ($1, 'Team notes', $2, md5($2), 'groups') returning id`,
    [id, `${slug} team notes`],
  )
  await tx.query('insert into public.tenant_knowledge_groups (tenant_id, knowledge_id, group_id) values ($1, $2, $3)', [
    id,
    teamDocument?.id,
    groupId,
  ])
  const [advisor] = await tx.query<{ id: string }>(
    "insert into public.tenant_advisors (tenant_id, name) values ($1, 'Guide') returning id",
    [id],
  )
  await tx.query('insert into public.tenant_advisor_collections (tenant_id, advisor_id, collection_id) values ($1, $2, $3)', [
    id,
    advisor?.id,
    defaultCollection?.id,
  ])
  await tx.query('insert into public.tenant_advisor_groups (tenant_id, advisor_id, group_id) values ($1, $2, $3)', [
    id,
    advisor?.id,
    groupId,
  ])
  await tx.query('insert into public.tenant_advisor_members (tenant_id, advisor_id, user_id) values ($1, $2, $3)', [
    id,
    advisor?.id,
    userId,
  ])
  const [personal] = await tx.query<{ id: string }>(
    `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, owner_id)
     values ($1, 'My notes', $2, md5($2), $3) returning id`,
    [id, `${slug} private notes`, userId],
  )
  await tx.query(
    `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
     values ($1, $2, 0, $3, 'fixture')`,
    [id, personal?.id, `${slug} private notes`],
  )
  const [share] = await tx.query<{ id: string }>(
    `insert into public.tenant_shares (tenant_id, owner_id, resource_type, document_id, grantee_group_id)
     values ($1, $2, 'document', $3, $4) returning id`,
    [id, userId, personal?.id, groupId],
  )
  const tier = await tx.query<{ id: string }>(
    "insert into public.tenant_member_tiers (tenant_id, name, messages_per_month) values ($1, 'Basic', 100) returning id",
    [id],
  )
  await tx.query('update public.tenant_users set tier_id = $3 where tenant_id = $1 and user_id = $2', [id, userId, tier[0]?.id])
  await tx.query(
    'insert into public.tenant_member_usage (tenant_id, user_id, period, messages) values ($1, $2, app_private.usage_period(), 2)',
    [id, userId],
  )
  const tenantExport = await tx.query<{ id: string }>(
    "insert into public.tenant_exports (tenant_id, status, requested_by, archive, byte_size) values ($1, 'ready', $2, '\\x504b0506', 4) returning id",
    [id, adminId],
  )
  // Two-factor rows belong to a person, not a tenant: the user member's, so every tenant's user has some.
  await tx.query("insert into public.user_two_factor (user_id, secret_ciphertext, enabled_at) values ($1, 'v1:fixture:iv:sealed', now())", [
    userId,
  ])
  await tx.query("insert into public.user_recovery_codes (user_id, code_hash) values ($1, encode(sha256(convert_to($2, 'UTF8')), 'hex'))", [
    userId,
    `${slug} recovery code`,
  ])
  const resourceRequest = await tx.query<{ id: string }>(
    `insert into public.tenant_resource_requests (tenant_id, kind, limits, reason, requested_by, requester_email)
     values ($1, 'limits', '{"members": 50}'::jsonb, 'We are hiring.', $2, $3) returning id`,
    [id, adminId, `admin@${slug}.test`],
  )
  await tx.query("select app_private.write_audit($1, 'tenant.create', 'tenant', $2)", [id, id])
  await tx.query("select app_private.write_audit($1, 'member.add', 'user', $2)", [id, userId])
  return {
    id,
    slug,
    adminId,
    userId,
    viewerId,
    knowledgeId,
    conversationId,
    apiKeyId: String(apiKey[0]?.id),
    endUserId,
    widgetOriginId: String(widgetOrigin[0]?.id),
    defaultCollectionId: String(defaultCollection?.id),
    extraCollectionId: String(extraCollection?.id),
    groupId,
    emptyGroupId: String(groups.find((group) => group.name === 'Empty')?.id),
    teamDocumentId: String(teamDocument?.id),
    advisorId: String(advisor?.id),
    personalDocumentId: String(personal?.id),
    shareId: String(share?.id),
    accessRequestId: '',
    resourceRequestId: String(resourceRequest[0]?.id),
    tierId: String(tier[0]?.id),
    exportId: String(tenantExport[0]?.id),
  }
}

/** A pending request to join the tenant, as app_private.file_access_request would file it. */
async function seedAccessRequest(tx: Queryable, tenant: TenantFixture, userId: string): Promise<void> {
  const rows = await tx.query<{ id: string }>(
    `insert into public.tenant_access_requests (tenant_id, user_id, email, message)
     values ($1, $2, 'loner@nowhere.test', 'May I join?') returning id`,
    [tenant.id, userId],
  )
  tenant.accessRequestId = String(rows[0]?.id)
}

export async function seedIsolationWorld(db: Database): Promise<IsolationWorld> {
  return withService(db, async (tx) => {
    const home = await seedPopulatedTenant(tx, 'home-tenant', true)
    const other = await seedPopulatedTenant(tx, 'other-tenant', false)
    const [platformAdminId = '', lonerId = ''] = await seedUsers(tx, ['platform@admin.test', 'loner@nowhere.test'])
    await tx.query('insert into public.platform_admins (user_id) values ($1)', [platformAdminId])
    await seedAccessRequest(tx, home, lonerId)
    await seedAccessRequest(tx, other, lonerId)
    await tx.query("insert into public.mail_outbox (to_address, subject, text_body) values ('someone@home.test', 'Verify', 'a link')")
    return { home, other, platformAdminId, lonerId }
  })
}

export const ACTORS = ['anon', 'visitor', 'privateVisitor', 'outsider', 'viewer', 'user', 'admin', 'platform', 'service'] as const
export type Actor = (typeof ACTORS)[number]

export type Runner = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

export type ActorScope = {
  /** The tenant whose rows the actor reaches for. */
  target: TenantFixture
  /** The actor's own user id (the service acts on behalf of the target's `user`). */
  uid: string | null
  run: Runner
}

function signedIn(db: Database, sub: string): Runner {
  return (fn) => withUser(db, { sub, email: `${sub}@claims.test` }, fn)
}

/**
 * anon: no tenant claim. visitor: claims the public home tenant. privateVisitor: claims
 * the private other tenant and reaches for its rows. outsider: admin of the other
 * tenant reaching into home. viewer/user/admin: members of home. platform: platform
 * admin, member of nothing. service: bypasses RLS (proves each statement is valid).
 */
export function actorScope(db: Database, world: IsolationWorld, actor: Actor): ActorScope {
  const { home, other } = world
  switch (actor) {
    case 'anon':
      return { target: home, uid: null, run: (fn) => withAnon(db, {}, fn) }
    case 'visitor':
      return { target: home, uid: null, run: (fn) => withAnon(db, { tenant_id: home.id }, fn) }
    case 'privateVisitor':
      return { target: other, uid: null, run: (fn) => withAnon(db, { tenant_id: other.id }, fn) }
    case 'outsider':
      return { target: home, uid: other.adminId, run: signedIn(db, other.adminId) }
    case 'viewer':
      return { target: home, uid: home.viewerId, run: signedIn(db, home.viewerId) }
    case 'user':
      return { target: home, uid: home.userId, run: signedIn(db, home.userId) }
    case 'admin':
      return { target: home, uid: home.adminId, run: signedIn(db, home.adminId) }
    case 'platform':
      return { target: home, uid: world.platformAdminId, run: signedIn(db, world.platformAdminId) }
    case 'service':
      return { target: home, uid: home.userId, run: (fn) => withService(db, fn) }
  }
}

/**
 * allow / zero (ran, touched nothing) / perm (42501 privilege) / check (42501 RLS
 * WITH CHECK) / fk (23503, a foreign key that includes tenant_id) / our own ORnnn.
 */
export type Outcome = 'allow' | 'zero' | 'perm' | 'check' | 'fk' | `or${number}`

export type Statement = { sql: string; params?: unknown[]; counts: boolean }

/** `select count(*)` over `from` (a table and its where clause): allow when any row is visible. */
export const countRows = (from: string, params: unknown[] = []): Statement => ({
  sql: `select count(*)::int as n from ${from}`,
  params,
  counts: true,
})

/** A statement whose success is the whole answer (inserts). */
export const plainStatement = (sql: string, params: unknown[] = []): Statement => ({ sql, params, counts: false })

/** An update or delete, counting the rows it really changed: RLS-hidden rows count zero. */
export const changedRows = (sql: string, params: unknown[] = []): Statement => ({
  sql: `with changed as (${sql} returning 1) select count(*)::int as n from changed`,
  params,
  counts: true,
})

class Rollback {
  constructor(readonly affected: number) {}
}

/** Names a database failure; anything unexpected comes back verbatim so the test shows it. */
export function denialOf(error: unknown): Outcome | string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  if (code === '42501' && /row-level security/.test(message ?? '')) return 'check'
  if (code === '42501' && /permission denied/.test(message ?? '')) return 'perm'
  if (code === '23503') return 'fk'
  if (code && /^OR\d{3}$/.test(code)) return code.toLowerCase() as Outcome
  return `unexpected ${code ?? 'error'}: ${message ?? String(error)}`
}

/**
 * Runs one statement in its own transaction and always rolls it back, so cases never
 * see each other's writes. Counting statements return one row `{ n }`.
 */
export async function attempt(run: Runner, statement: Statement): Promise<Outcome | string> {
  try {
    await run(async (tx) => {
      const rows = await tx.query<{ n?: number }>(statement.sql, statement.params ?? [])
      throw new Rollback(statement.counts ? Number(rows[0]?.n ?? 0) : 1)
    })
  } catch (error) {
    if (error instanceof Rollback) return error.affected > 0 ? 'allow' : 'zero'
    return denialOf(error)
  }
  return 'unexpected: the transaction did not roll back'
}
