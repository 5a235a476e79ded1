import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  ACTORS,
  actorScope,
  attempt,
  changedRows as change,
  countRows as count,
  plainStatement as write,
  seedIsolationWorld,
  type Actor,
  type IsolationWorld,
  type Outcome,
  type Statement,
  type TenantFixture,
} from '../support/isolation-fixtures'

/*
 * The isolation matrix: every table in `public` x select/insert/update/delete x every
 * kind of caller. Each cell says what must happen:
 *   allow  the statement reads or changes the target row(s)
 *   zero   the statement runs but RLS hides the target: 0 rows read or changed
 *   perm   42501 permission denied (no grant)
 *   check  42501 new row violates row-level security policy (WITH CHECK)
 *   fk     23503 a foreign key that carries tenant_id (and an owner) refuses the row
 *   or403 / or409  our own triggers refuse
 * Actors (see actorScope): anon has no tenant claim; visitor claims the public home
 * tenant; private visitor claims the private other tenant and reaches for its rows;
 * outsider is the other tenant's admin reaching into home; viewer/user/admin are home's
 * members; platform is a platform admin; service bypasses RLS and proves each
 * statement is valid, so every denial is a real denial and not a broken statement.
 */
const MATRIX = `
table                    op      anon   visitor  private  outsider  viewer  user   admin  platform  service
tenants                  select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenants                  insert  perm   perm     perm     check     check   check  check  allow     allow
tenants                  update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenants                  delete  perm   perm     perm     zero      zero    zero   zero   allow     allow
tenant_users             select  perm   perm     perm     zero      allow   zero   allow  allow     allow
tenant_users             insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_users             update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_users             delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
platform_admins          select  perm   perm     perm     zero      zero    zero   zero   allow     allow
platform_admins          insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
platform_admins          update  perm   perm     perm     perm      perm    perm   perm   perm      allow
platform_admins          delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_knowledge         select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenant_knowledge         insert  check  check    check    check     check   check  allow  allow     allow
tenant_knowledge         update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge         delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_chunks  select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenant_knowledge_chunks  insert  check  check    check    perm      perm    perm   perm   perm      allow
tenant_knowledge_chunks  update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_chunks  delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_search_stats      select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenant_search_stats      insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_search_stats      update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_search_stats      delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_lexeme_stats      select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenant_lexeme_stats      insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_lexeme_stats      update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_lexeme_stats      delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_conversations     select  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_conversations     insert  perm   perm     perm     check     check   allow  allow  check     allow
tenant_conversations     update  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_conversations     delete  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_messages          select  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_messages          insert  perm   perm     perm     check     check   allow  check  check     allow
tenant_messages          update  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_messages          delete  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_usage             select  zero   zero     zero     zero      zero    zero   allow  allow     allow
tenant_usage             insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_usage             update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_usage             delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_usage_daily       select  zero   zero     zero     zero      zero    zero   allow  allow     allow
tenant_usage_daily       insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_usage_daily       update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_usage_daily       delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_invitations       select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_invitations       insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_invitations       update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_invitations       delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_originals select perm  perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_originals insert perm  perm     perm     check     check   check  allow  allow     allow
tenant_knowledge_originals update perm  perm     perm     perm      perm    perm   perm   perm      allow
tenant_knowledge_originals delete perm  perm     perm     zero      zero    zero   allow  allow     allow
knowledge_jobs           select  perm   perm     perm     zero      zero    zero   allow  allow     allow
knowledge_jobs           insert  perm   perm     perm     check     check   check  allow  allow     allow
knowledge_jobs           update  perm   perm     perm     perm      perm    perm   perm   perm      allow
knowledge_jobs           delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
audit_logs               select  perm   perm     perm     zero      zero    zero   allow  allow     allow
audit_logs               insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
audit_logs               update  perm   perm     perm     perm      perm    perm   perm   perm      allow
audit_logs               delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_api_keys          select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_api_keys          insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_api_keys          update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_api_keys          delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
mail_outbox              select  perm   perm     perm     zero      zero    zero   zero   allow     allow
mail_outbox              insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
mail_outbox              update  perm   perm     perm     perm      perm    perm   perm   perm      allow
mail_outbox              delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_two_factor          select  perm   perm     perm     zero      zero    allow  zero   zero      allow
user_two_factor          insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_two_factor          update  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_two_factor          delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_recovery_codes      select  perm   perm     perm     zero      zero    allow  zero   zero      allow
user_recovery_codes      insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_recovery_codes      update  perm   perm     perm     perm      perm    perm   perm   perm      allow
user_recovery_codes      delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_identity_secrets  select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_identity_secrets  insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_identity_secrets  update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_identity_secrets  delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_users         select  zero   zero     zero     perm      perm    perm   perm   perm      allow
tenant_end_users         insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_users         update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_users         delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_sessions select  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_sessions insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_sessions update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_sessions delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_messages select  zero   zero     zero     perm      perm    perm   perm   perm      allow
tenant_end_user_messages insert  check  check    check    perm      perm    perm   perm   perm      allow
tenant_end_user_messages update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_end_user_messages delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_widget_origins    select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_widget_origins    insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_widget_origins    update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_widget_origins    delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_collections       select  zero   allow    zero     zero      allow   allow  allow  allow     allow
tenant_collections       insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_collections       update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_collections       delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_groups            select  perm   perm     perm     zero      allow   allow  allow  allow     allow
tenant_groups            insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_groups            update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_groups            delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_group_members     select  perm   perm     perm     zero      allow   zero   allow  allow     allow
tenant_group_members     insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_group_members     update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_group_members     delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_groups  select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_knowledge_groups  insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_knowledge_groups  update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_knowledge_groups  delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisors          select  perm   perm     perm     zero      allow   allow  allow  allow     allow
tenant_advisors          insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_advisors          update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisors          delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisor_collections select perm  perm     perm     zero      allow   allow  allow  allow     allow
tenant_advisor_collections insert perm  perm     perm     check     check   check  allow  allow     allow
tenant_advisor_collections update perm  perm     perm     perm      perm    perm   perm   perm      allow
tenant_advisor_collections delete perm  perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisor_groups    select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisor_groups    insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_advisor_groups    update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_advisor_groups    delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisor_members   select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_advisor_members   insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_advisor_members   update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_advisor_members   delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_shares            select  perm   perm     perm     zero      allow   allow  zero   zero      allow
tenant_shares            insert  perm   perm     perm     check     fk      allow  fk     check     allow
tenant_shares            update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_shares            delete  perm   perm     perm     zero      zero    allow  zero   zero      allow
tenant_access_requests   select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_access_requests   insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_access_requests   update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_access_requests   delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_access_request_events select perm perm    perm     zero      zero    zero   allow  allow     allow
tenant_access_request_events insert perm perm    perm     perm      perm    perm   perm   perm      allow
tenant_access_request_events update perm perm    perm     perm      perm    perm   perm   perm      allow
tenant_access_request_events delete perm perm    perm     perm      perm    perm   perm   perm      allow
tenant_resource_requests select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_resource_requests insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_resource_requests update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_resource_requests delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_resource_request_events select perm perm  perm     zero      zero    zero   allow  allow     allow
tenant_resource_request_events insert perm perm  perm     perm      perm    perm   perm   perm      allow
tenant_resource_request_events update perm perm  perm     perm      perm    perm   perm   perm      allow
tenant_resource_request_events delete perm perm  perm     perm      perm    perm   perm   perm      allow
tenant_member_tiers      select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_member_tiers      insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_member_tiers      update  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_member_tiers      delete  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_member_usage      select  perm   perm     perm     zero      zero    allow  allow  allow     allow
tenant_member_usage      insert  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_member_usage      update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_member_usage      delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_exports           select  perm   perm     perm     zero      zero    zero   allow  allow     allow
tenant_exports           insert  perm   perm     perm     check     check   check  allow  allow     allow
tenant_exports           update  perm   perm     perm     perm      perm    perm   perm   perm      allow
tenant_exports           delete  perm   perm     perm     perm      perm    perm   perm   perm      allow
`

const OPERATIONS = ['select', 'insert', 'update', 'delete'] as const
type Operation = (typeof OPERATIONS)[number]
type Context = { t: TenantFixture; uid: string | null; world: IsolationWorld }
type TableProbe = Record<Operation, (c: Context) => Statement>

/** How each table is touched: always rows of the tenant the actor reaches for (ActorScope.target). */
const PROBES: Record<string, TableProbe> = {
  tenants: {
    select: (c) => count('public.tenants where id = $1', [c.t.id]),
    insert: () => write("insert into public.tenants (name, slug) values ('Matrix', 'matrix-new')"),
    update: (c) => change("update public.tenants set name = 'Renamed' where id = $1", [c.t.id]),
    delete: (c) => change('delete from public.tenants where id = $1', [c.t.id]),
  },
  tenant_users: {
    select: (c) => count('public.tenant_users where tenant_id = $1 and user_id = $2', [c.t.id, c.t.viewerId]),
    insert: (c) => write("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'viewer')", [c.t.id, c.world.lonerId]),
    update: (c) => change("update public.tenant_users set role = 'user' where tenant_id = $1 and user_id = $2", [c.t.id, c.t.viewerId]),
    delete: (c) => change('delete from public.tenant_users where tenant_id = $1 and user_id = $2', [c.t.id, c.t.viewerId]),
  },
  platform_admins: {
    select: (c) => count('public.platform_admins where user_id = $1', [c.world.platformAdminId]),
    insert: (c) => write('insert into public.platform_admins (user_id) values ($1)', [c.world.lonerId]),
    update: (c) => change('update public.platform_admins set created_at = now() where user_id = $1', [c.world.platformAdminId]),
    delete: (c) => change('delete from public.platform_admins where user_id = $1', [c.world.platformAdminId]),
  },
  tenant_knowledge: {
    select: (c) => count('public.tenant_knowledge where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write("insert into public.tenant_knowledge (tenant_id, title, content, content_hash) values ($1, 'Matrix', 'text', 'matrix')", [
        c.t.id,
      ]),
    update: (c) => change("update public.tenant_knowledge set title = 'Renamed' where id = $1", [c.t.knowledgeId]),
    delete: (c) => change('delete from public.tenant_knowledge where id = $1', [c.t.knowledgeId]),
  },
  tenant_knowledge_chunks: {
    select: (c) => count('public.tenant_knowledge_chunks where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
         values ($1, $2, 999, 'matrix chunk', 'matrix')`,
        [c.t.id, c.t.knowledgeId],
      ),
    update: (c) => change("update public.tenant_knowledge_chunks set embedding_model = 'renamed' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.tenant_knowledge_chunks where tenant_id = $1', [c.t.id]),
  },
  // Kept by triggers on the chunks: readable like the chunks, writable by nobody directly.
  tenant_search_stats: {
    select: (c) => count('public.tenant_search_stats where tenant_id = $1', [c.t.id]),
    insert: (c) => write('insert into public.tenant_search_stats (tenant_id) values ($1) on conflict do nothing', [c.t.id]),
    update: (c) => change('update public.tenant_search_stats set chunk_count = chunk_count + 1 where tenant_id = $1', [c.t.id]),
    delete: (c) => change('delete from public.tenant_search_stats where tenant_id = $1', [c.t.id]),
  },
  tenant_lexeme_stats: {
    select: (c) => count('public.tenant_lexeme_stats where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_lexeme_stats (tenant_id, lexeme, chunk_count) values ($1, 'forged', 1)", [c.t.id]),
    update: (c) => change('update public.tenant_lexeme_stats set chunk_count = chunk_count + 1 where tenant_id = $1', [c.t.id]),
    delete: (c) => change('delete from public.tenant_lexeme_stats where tenant_id = $1', [c.t.id]),
  },
  tenant_conversations: {
    select: (c) => count('public.tenant_conversations where id = $1', [c.t.conversationId]),
    // Starting one's own conversation; starting one for somebody else is a direct-access case.
    insert: (c) => write('insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2)', [c.t.id, c.uid]),
    update: (c) => change("update public.tenant_conversations set title = 'Renamed' where id = $1", [c.t.conversationId]),
    delete: (c) => change('delete from public.tenant_conversations where id = $1', [c.t.conversationId]),
  },
  tenant_messages: {
    select: (c) => count('public.tenant_messages where conversation_id = $1', [c.t.conversationId]),
    // Posting into the target conversation as its owner: only the owner may.
    insert: (c) =>
      write("insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'hi')", [
        c.t.id,
        c.t.conversationId,
        c.t.userId,
      ]),
    update: (c) => change('update public.tenant_messages set feedback = 1 where conversation_id = $1', [c.t.conversationId]),
    delete: (c) => change('delete from public.tenant_messages where conversation_id = $1', [c.t.conversationId]),
  },
  tenant_usage: {
    select: (c) => count('public.tenant_usage where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_usage (tenant_id, period) values ($1, '2020-01-01')", [c.t.id]),
    update: (c) => change('update public.tenant_usage set messages = 0 where tenant_id = $1', [c.t.id]),
    delete: (c) => change('delete from public.tenant_usage where tenant_id = $1', [c.t.id]),
  },
  tenant_usage_daily: {
    select: (c) => count('public.tenant_usage_daily where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_usage_daily (tenant_id, day) values ($1, '2020-01-01')", [c.t.id]),
    update: (c) => change('update public.tenant_usage_daily set messages = 0 where tenant_id = $1', [c.t.id]),
    delete: (c) => change('delete from public.tenant_usage_daily where tenant_id = $1', [c.t.id]),
  },
  tenant_invitations: {
    select: (c) => count('public.tenant_invitations where tenant_id = $1', [c.t.id]),
    // Inviting in one's own name; naming another inviter is a direct-access case.
    insert: (c) =>
      write(
        `insert into public.tenant_invitations (tenant_id, email, role, token_hash, invited_by)
         values ($1, 'new@matrix.test', 'viewer', repeat('a', 64), $2)`,
        [c.t.id, c.uid],
      ),
    update: (c) => change("update public.tenant_invitations set role = 'admin' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.tenant_invitations where tenant_id = $1', [c.t.id]),
  },
  tenant_knowledge_originals: {
    select: (c) => count('public.tenant_knowledge_originals where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write(
        "insert into public.tenant_knowledge_originals (tenant_id, file_name, media_type, content) values ($1, 'm.txt', 'text/plain', 'x'::bytea)",
        [c.t.id],
      ),
    update: (c) => change("update public.tenant_knowledge_originals set file_name = 'renamed.md' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.tenant_knowledge_originals where tenant_id = $1', [c.t.id]),
  },
  knowledge_jobs: {
    select: (c) => count('public.knowledge_jobs where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.knowledge_jobs (tenant_id, kind) values ($1, 'reindex')", [c.t.id]),
    update: (c) => change("update public.knowledge_jobs set status = 'failed' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.knowledge_jobs where tenant_id = $1', [c.t.id]),
  },
  // Created in one's own name; revoking is the one update, deleting nobody's (the rows stay for the record).
  tenant_api_keys: {
    select: (c) => count('public.tenant_api_keys where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write(
        `insert into public.tenant_api_keys (tenant_id, name, prefix, secret_hash, scopes, created_by)
         values ($1, 'Matrix', 'oak_matrix00', repeat('b', 64), array['chat'], $2)`,
        [c.t.id, c.uid],
      ),
    update: (c) => change('update public.tenant_api_keys set revoked_at = now() where id = $1', [c.t.apiKeyId]),
    delete: (c) => change('delete from public.tenant_api_keys where id = $1', [c.t.apiKeyId]),
  },
  mail_outbox: {
    select: () => count("public.mail_outbox where to_address = 'someone@home.test'"),
    insert: () => write("insert into public.mail_outbox (to_address, subject, text_body) values ('x@matrix.test', 's', 't')"),
    update: () => change("update public.mail_outbox set subject = 'forged' where to_address = 'someone@home.test'"),
    delete: () => change("delete from public.mail_outbox where to_address = 'someone@home.test'"),
  },
  // A person's own rows: the target is the home tenant's user member, whoever reaches for them.
  user_two_factor: {
    select: (c) => count('public.user_two_factor where user_id = $1', [c.t.userId]),
    insert: (c) =>
      write("insert into public.user_two_factor (user_id, secret_ciphertext) values ($1, 'v1:forged:iv:sealed')", [c.world.lonerId]),
    update: (c) => change('update public.user_two_factor set last_used_step = 0 where user_id = $1', [c.t.userId]),
    delete: (c) => change('delete from public.user_two_factor where user_id = $1', [c.t.userId]),
  },
  user_recovery_codes: {
    select: (c) => count('public.user_recovery_codes where user_id = $1', [c.t.userId]),
    insert: (c) => write("insert into public.user_recovery_codes (user_id, code_hash) values ($1, repeat('b', 64))", [c.world.lonerId]),
    update: (c) => change('update public.user_recovery_codes set used_at = null where user_id = $1', [c.t.userId]),
    delete: (c) => change('delete from public.user_recovery_codes where user_id = $1', [c.t.userId]),
  },
  // Set and rotated by the tenant's admins in their own name (an upsert); removed with the tenant only.
  tenant_identity_secrets: {
    select: (c) => count('public.tenant_identity_secrets where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write(
        `insert into public.tenant_identity_secrets (tenant_id, secret_ciphertext, created_by) values ($1, 'v1:matrix:iv:sealed', $2)
         on conflict (tenant_id) do update set secret_ciphertext = excluded.secret_ciphertext, created_by = excluded.created_by`,
        [c.t.id, c.uid],
      ),
    update: (c) => change('update public.tenant_identity_secrets set created_by = $2 where tenant_id = $1', [c.t.id, c.uid]),
    delete: (c) => change('delete from public.tenant_identity_secrets where tenant_id = $1', [c.t.id]),
  },
  // End users' rows open only under the end user's own session (isolation-end-users.test.ts): nobody here has one.
  tenant_end_users: {
    select: (c) => count('public.tenant_end_users where id = $1', [c.t.endUserId]),
    insert: (c) => write("insert into public.tenant_end_users (tenant_id, external_id) values ($1, 'matrix-user')", [c.t.id]),
    update: (c) => change('update public.tenant_end_users set last_seen_at = now() where id = $1', [c.t.endUserId]),
    delete: (c) => change('delete from public.tenant_end_users where id = $1', [c.t.endUserId]),
  },
  tenant_end_user_sessions: {
    select: (c) => count('public.tenant_end_user_sessions where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write(
        "insert into public.tenant_end_user_sessions (tenant_id, end_user_id, token_hash, expires_at) values ($1, $2, repeat('c', 64), now() + interval '1 hour')",
        [c.t.id, c.t.endUserId],
      ),
    update: (c) =>
      change("update public.tenant_end_user_sessions set expires_at = now() + interval '1 day' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.tenant_end_user_sessions where tenant_id = $1', [c.t.id]),
  },
  tenant_end_user_messages: {
    select: (c) => count('public.tenant_end_user_messages where end_user_id = $1', [c.t.endUserId]),
    insert: (c) =>
      write("insert into public.tenant_end_user_messages (tenant_id, end_user_id, role, content) values ($1, $2, 'user', 'forged')", [
        c.t.id,
        c.t.endUserId,
      ]),
    update: (c) => change("update public.tenant_end_user_messages set content = 'forged' where end_user_id = $1", [c.t.endUserId]),
    delete: (c) => change('delete from public.tenant_end_user_messages where end_user_id = $1', [c.t.endUserId]),
  },
  // Added and removed by the tenant's admins in their own name, never edited; read by anyone only through app_private.widget_origins.
  tenant_widget_origins: {
    select: (c) => count('public.tenant_widget_origins where tenant_id = $1', [c.t.id]),
    insert: (c) =>
      write("insert into public.tenant_widget_origins (tenant_id, origin, created_by) values ($1, 'https://matrix.example', $2)", [
        c.t.id,
        c.uid,
      ]),
    update: (c) => change("update public.tenant_widget_origins set origin = 'https://forged.example' where id = $1", [c.t.widgetOriginId]),
    delete: (c) => change('delete from public.tenant_widget_origins where id = $1', [c.t.widgetOriginId]),
  },
  // Kept by the tenant's admins; read by its people (and visitors of a public tenant); the default one stays.
  tenant_collections: {
    select: (c) => count('public.tenant_collections where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_collections (tenant_id, name) values ($1, 'Matrix collection')", [c.t.id]),
    update: (c) => change("update public.tenant_collections set name = 'Renamed' where id = $1", [c.t.defaultCollectionId]),
    delete: (c) => change('delete from public.tenant_collections where id = $1', [c.t.extraCollectionId]),
  },
  tenant_groups: {
    select: (c) => count('public.tenant_groups where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_groups (tenant_id, name) values ($1, 'Matrix group')", [c.t.id]),
    update: (c) => change("update public.tenant_groups set name = 'Renamed' where id = $1", [c.t.groupId]),
    delete: (c) => change('delete from public.tenant_groups where id = $1', [c.t.groupId]),
  },
  // The viewer is the group's member: they see their own membership, admins every one.
  tenant_group_members: {
    select: (c) => count('public.tenant_group_members where group_id = $1', [c.t.groupId]),
    insert: (c) =>
      write('insert into public.tenant_group_members (tenant_id, group_id, user_id) values ($1, $2, $3)', [
        c.t.id,
        c.t.groupId,
        c.t.userId,
      ]),
    update: (c) => change('update public.tenant_group_members set created_at = now() where group_id = $1', [c.t.groupId]),
    delete: (c) => change('delete from public.tenant_group_members where group_id = $1', [c.t.groupId]),
  },
  tenant_knowledge_groups: {
    select: (c) => count('public.tenant_knowledge_groups where knowledge_id = $1', [c.t.teamDocumentId]),
    insert: (c) =>
      write('insert into public.tenant_knowledge_groups (tenant_id, knowledge_id, group_id) values ($1, $2, $3)', [
        c.t.id,
        c.t.knowledgeId,
        c.t.groupId,
      ]),
    update: (c) => change('update public.tenant_knowledge_groups set created_at = now() where knowledge_id = $1', [c.t.teamDocumentId]),
    delete: (c) => change('delete from public.tenant_knowledge_groups where knowledge_id = $1', [c.t.teamDocumentId]),
  },
  // The advisor is for the user member (named) and the viewer's group; admins keep it.
  tenant_advisors: {
    select: (c) => count('public.tenant_advisors where id = $1', [c.t.advisorId]),
    insert: (c) => write("insert into public.tenant_advisors (tenant_id, name) values ($1, 'Matrix advisor')", [c.t.id]),
    update: (c) => change("update public.tenant_advisors set name = 'Renamed' where id = $1", [c.t.advisorId]),
    delete: (c) => change('delete from public.tenant_advisors where id = $1', [c.t.advisorId]),
  },
  tenant_advisor_collections: {
    select: (c) => count('public.tenant_advisor_collections where advisor_id = $1', [c.t.advisorId]),
    insert: (c) =>
      write('insert into public.tenant_advisor_collections (tenant_id, advisor_id, collection_id) values ($1, $2, $3)', [
        c.t.id,
        c.t.advisorId,
        c.t.extraCollectionId,
      ]),
    update: (c) =>
      change('update public.tenant_advisor_collections set collection_id = collection_id where advisor_id = $1', [c.t.advisorId]),
    delete: (c) => change('delete from public.tenant_advisor_collections where advisor_id = $1', [c.t.advisorId]),
  },
  tenant_advisor_groups: {
    select: (c) => count('public.tenant_advisor_groups where advisor_id = $1', [c.t.advisorId]),
    insert: (c) =>
      write('insert into public.tenant_advisor_groups (tenant_id, advisor_id, group_id) values ($1, $2, $3)', [
        c.t.id,
        c.t.advisorId,
        c.t.emptyGroupId,
      ]),
    update: (c) => change('update public.tenant_advisor_groups set group_id = group_id where advisor_id = $1', [c.t.advisorId]),
    delete: (c) => change('delete from public.tenant_advisor_groups where advisor_id = $1', [c.t.advisorId]),
  },
  tenant_advisor_members: {
    select: (c) => count('public.tenant_advisor_members where advisor_id = $1', [c.t.advisorId]),
    insert: (c) =>
      write('insert into public.tenant_advisor_members (tenant_id, advisor_id, user_id) values ($1, $2, $3)', [
        c.t.id,
        c.t.advisorId,
        c.t.viewerId,
      ]),
    update: (c) => change('update public.tenant_advisor_members set user_id = user_id where advisor_id = $1', [c.t.advisorId]),
    delete: (c) => change('delete from public.tenant_advisor_members where advisor_id = $1', [c.t.advisorId]),
  },
  // The user member's document shared with the viewer's group. Sharing it again, in one's own
  // name, with the whole tenant: only its owner's share passes the keys that carry the owner.
  tenant_shares: {
    select: (c) => count('public.tenant_shares where id = $1', [c.t.shareId]),
    insert: (c) =>
      write(
        `insert into public.tenant_shares (tenant_id, owner_id, resource_type, document_id, grantee_tenant)
         values ($1, $2, 'document', $3, true)`,
        [c.t.id, c.uid, c.t.personalDocumentId],
      ),
    update: (c) => change('update public.tenant_shares set created_at = now() where id = $1', [c.t.shareId]),
    delete: (c) => change('delete from public.tenant_shares where id = $1', [c.t.shareId]),
  },
  // Filed and decided only through app_private's functions (isolation-requests.test.ts); the requester reads their own there.
  tenant_access_requests: {
    select: (c) => count('public.tenant_access_requests where id = $1', [c.t.accessRequestId]),
    insert: (c) =>
      write("insert into public.tenant_access_requests (tenant_id, user_id, email, message) values ($1, $2, 'm@matrix.test', 'Hi')", [
        c.t.id,
        c.world.platformAdminId,
      ]),
    update: (c) => change("update public.tenant_access_requests set decision_note = 'forged' where id = $1", [c.t.accessRequestId]),
    delete: (c) => change('delete from public.tenant_access_requests where id = $1', [c.t.accessRequestId]),
  },
  // A request's history, written by its trigger; readable by whoever reads the request.
  tenant_access_request_events: {
    select: (c) => count('public.tenant_access_request_events where request_id = $1', [c.t.accessRequestId]),
    insert: (c) =>
      write("insert into public.tenant_access_request_events (request_id, tenant_id, status) values ($1, $2, 'approved')", [
        c.t.accessRequestId,
        c.t.id,
      ]),
    update: (c) => change("update public.tenant_access_request_events set note = 'forged' where request_id = $1", [c.t.accessRequestId]),
    delete: (c) => change('delete from public.tenant_access_request_events where request_id = $1', [c.t.accessRequestId]),
  },
  tenant_resource_requests: {
    select: (c) => count('public.tenant_resource_requests where id = $1', [c.t.resourceRequestId]),
    insert: (c) =>
      write(
        "insert into public.tenant_resource_requests (tenant_id, kind, reason, requested_by) values ($1, 'restricted_access', 'x', $2)",
        [c.t.id, c.uid],
      ),
    update: (c) => change("update public.tenant_resource_requests set decision_note = 'forged' where id = $1", [c.t.resourceRequestId]),
    delete: (c) => change('delete from public.tenant_resource_requests where id = $1', [c.t.resourceRequestId]),
  },
  tenant_resource_request_events: {
    select: (c) => count('public.tenant_resource_request_events where request_id = $1', [c.t.resourceRequestId]),
    insert: (c) =>
      write("insert into public.tenant_resource_request_events (request_id, tenant_id, status) values ($1, $2, 'approved')", [
        c.t.resourceRequestId,
        c.t.id,
      ]),
    update: (c) =>
      change("update public.tenant_resource_request_events set note = 'forged' where request_id = $1", [c.t.resourceRequestId]),
    delete: (c) => change('delete from public.tenant_resource_request_events where request_id = $1', [c.t.resourceRequestId]),
  },
  // Defined by the tenant's admins; members are put in them through tenant_users.tier_id.
  tenant_member_tiers: {
    select: (c) => count('public.tenant_member_tiers where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.tenant_member_tiers (tenant_id, name, messages_per_month) values ($1, 'Matrix', 1)", [c.t.id]),
    update: (c) => change('update public.tenant_member_tiers set messages_per_month = 7 where id = $1', [c.t.tierId]),
    delete: (c) => change('delete from public.tenant_member_tiers where id = $1', [c.t.tierId]),
  },
  // Counted by the server alone; a member reads their own month, admins their tenant's.
  tenant_member_usage: {
    select: (c) => count('public.tenant_member_usage where tenant_id = $1 and user_id = $2', [c.t.id, c.t.userId]),
    insert: (c) =>
      write("insert into public.tenant_member_usage (tenant_id, user_id, period) values ($1, $2, date '2001-01-01')", [c.t.id, c.t.userId]),
    update: (c) => change('update public.tenant_member_usage set messages = 0 where tenant_id = $1 and user_id = $2', [c.t.id, c.t.userId]),
    delete: (c) => change('delete from public.tenant_member_usage where tenant_id = $1 and user_id = $2', [c.t.id, c.t.userId]),
  },
  // Asked for by the tenant's admins in their own name; built, finished and kept by the server alone.
  tenant_exports: {
    select: (c) => count('public.tenant_exports where tenant_id = $1', [c.t.id]),
    insert: (c) => write('insert into public.tenant_exports (tenant_id) values ($1)', [c.t.id]),
    update: (c) => change("update public.tenant_exports set status = 'failed' where id = $1", [c.t.exportId]),
    delete: (c) => change('delete from public.tenant_exports where id = $1', [c.t.exportId]),
  },
  audit_logs: {
    select: (c) => count('public.audit_logs where tenant_id = $1', [c.t.id]),
    insert: (c) => write("insert into public.audit_logs (tenant_id, action, hash) values ($1, 'forged.entry', 'x')", [c.t.id]),
    update: (c) => change("update public.audit_logs set action = 'forged.entry' where tenant_id = $1", [c.t.id]),
    delete: (c) => change('delete from public.audit_logs where tenant_id = $1', [c.t.id]),
  },
}

type Cell = { table: string; op: Operation; actor: Actor; expected: Outcome }

function parseMatrix(text: string): Cell[] {
  const [header, ...lines] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
  const columns = header?.slice(2) ?? []
  const actors = columns.map((column) => (column === 'private' ? 'privateVisitor' : column))
  if (actors.join() !== ACTORS.join()) throw new Error(`matrix columns must be ${ACTORS.join(', ')}`)
  return lines.flatMap(([table = '', op = '', ...outcomes]) =>
    outcomes.map((expected, index) => ({
      table,
      op: op as Operation,
      actor: ACTORS[index] as Actor,
      expected: expected as Outcome,
    })),
  )
}

const CELLS = parseMatrix(MATRIX)
const DENIALS: readonly string[] = ['zero', 'perm', 'check', 'fk', 'or403', 'or409']

let db: TestDatabase
let world: IsolationWorld

beforeAll(async () => {
  db = await createTestDatabase()
  world = await seedIsolationWorld(db)
})
afterAll(async () => {
  await db.close()
})

describe('the isolation matrix itself', () => {
  it('has an entry for every table in public, so a new table without one fails here', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1"),
    )
    const inMatrix = [...new Set(CELLS.map((cell) => cell.table))].sort()
    expect(inMatrix).toEqual(rows.map((row) => row.tablename))
    expect(Object.keys(PROBES).sort()).toEqual(inMatrix)
  })

  it('gives every table all four operations with a known outcome for every actor', () => {
    for (const table of Object.keys(PROBES)) {
      const ops = CELLS.filter((cell) => cell.table === table).map((cell) => cell.op)
      expect([...new Set(ops)].sort()).toEqual([...OPERATIONS].sort())
      expect(ops).toHaveLength(OPERATIONS.length * ACTORS.length)
    }
    for (const cell of CELLS) expect(['allow', ...DENIALS]).toContain(cell.expected)
  })

  it('pairs every allowed case with a denied one in the same table and operation', () => {
    for (const table of Object.keys(PROBES)) {
      for (const op of OPERATIONS) {
        const row = CELLS.filter((cell) => cell.table === table && cell.op === op)
        expect(
          row.some((cell) => cell.expected === 'allow'),
          `${table} ${op} allows someone`,
        ).toBe(true)
        expect(
          row.some((cell) => DENIALS.includes(cell.expected)),
          `${table} ${op} denies someone`,
        ).toBe(true)
      }
    }
  })
})

describe.each(Object.keys(PROBES))('%s', (table) => {
  const cells = CELLS.filter((cell) => cell.table === table)
  it.each(cells.map((cell) => [cell.op, cell.actor, cell.expected, cell] as const))(
    '%s as %s: %s',
    async (_op, _actor, _expected, cell) => {
      const scope = actorScope(db, world, cell.actor)
      const probe = PROBES[table]?.[cell.op]
      if (!probe) throw new Error(`no probe for ${table} ${cell.op}`)
      const statement = probe({ t: scope.target, uid: scope.uid, world })
      expect(await attempt(scope.run, statement)).toBe(cell.expected)
    },
  )
})
