import type { Queryable } from '@/lib/db'
import { exportableRows } from './table-rows'
import { ndjson, type ZipEntry } from './zip'

/*
 * What a tenant's export holds, read by the server for the job under the claims of the
 * admin who asked (checked when it was asked, and again when the job runs): one NDJSON
 * file per kind of row, the stored originals as files, and a manifest naming them with
 * their counts.
 */

const byTenant = 't.tenant_id = $1'
// A member's personal documents are theirs, not the organisation's: tenant admins never read
// them, so the tenant's archive leaves them (their chunks and originals) out; the member's own
// export carries them.
const tenantDocuments = `${byTenant} and t.owner_id is null`
const ofTenantDocuments = `${byTenant} and t.knowledge_id in (select k.id from public.tenant_knowledge k where k.tenant_id = $1 and k.owner_id is null)`

async function conversationsWithMessages(tx: Queryable, tenantId: string): Promise<Record<string, unknown>[]> {
  const conversations = await exportableRows(tx, 'tenant_conversations', byTenant, [tenantId], 't.created_at, t.id')
  const messages = await exportableRows(tx, 'tenant_messages', byTenant, [tenantId], 't.created_at, t.id')
  const byConversation = new Map<unknown, Record<string, unknown>[]>()
  for (const message of messages) {
    const list = byConversation.get(message.conversation_id) ?? []
    list.push(message)
    byConversation.set(message.conversation_id, list)
  }
  return conversations.map((conversation) => ({ ...conversation, messages: byConversation.get(conversation.id) ?? [] }))
}

async function members(tx: Queryable, tenantId: string): Promise<Record<string, unknown>[]> {
  return tx.query(
    `select tu.user_id as "userId", u.email::text as email, tu.role, tu.tier_id as "tierId", tu.created_at as "joinedAt"
       from public.tenant_users tu join auth.users u on u.id = tu.user_id
      where tu.tenant_id = $1 order by tu.created_at, u.email`,
    [tenantId],
  )
}

async function usage(tx: Queryable, tenantId: string): Promise<Record<string, unknown>[]> {
  const months = await exportableRows(tx, 'tenant_usage', byTenant, [tenantId], 't.period')
  const days = await exportableRows(tx, 'tenant_usage_daily', byTenant, [tenantId], 't.day')
  const memberMonths = await exportableRows(tx, 'tenant_member_usage', byTenant, [tenantId], 't.period, t.user_id')
  return [
    ...months.map((row) => ({ kind: 'month', ...row })),
    ...days.map((row) => ({ kind: 'day', ...row })),
    ...memberMonths.map((row) => ({ kind: 'member_month', ...row })),
  ]
}

/** The tenant's audit log as its admins read it: a platform admin acting there is shown by role, without email, id or IP. */
async function audit(tx: Queryable, tenantId: string): Promise<Record<string, unknown>[]> {
  return tx.query(
    `select id, tenant_id, action, target_type, target_id, before, after, created_at, prev_hash, hash,
            actor_is_platform_admin,
            case when hidden then null else actor_id end as actor_id,
            case when hidden then null else actor_email end as actor_email,
            case when hidden then null else ip end as ip
       from (select a.*, app_private.audit_actor_is_platform_admin(a.actor_id) as actor_is_platform_admin,
                    app_private.audit_actor_is_platform_admin(a.actor_id) and not app_private.is_platform_admin() as hidden
               from public.audit_logs a where a.tenant_id = $1) as rows
      order by id`,
    [tenantId],
  )
}

async function originals(tx: Queryable, tenantId: string): Promise<{ rows: Record<string, unknown>[]; files: ZipEntry[] }> {
  const rows = await tx.query<{
    id: string
    knowledge_id: string | null
    file_name: string
    media_type: string
    byte_size: string
    sha256: string
    content: Uint8Array
  }>(
    `select id, knowledge_id, file_name, media_type, byte_size, sha256, content
       from public.tenant_knowledge_originals o
      where o.tenant_id = $1
        and (o.knowledge_id is null or o.knowledge_id in (select k.id from public.tenant_knowledge k where k.tenant_id = $1 and k.owner_id is null))
      order by o.created_at, o.id`,
    [tenantId],
  )
  const files = rows.map((row) => ({ name: `originals/${row.id}/${row.file_name.replace(/[/\\]/g, '_')}`, data: Buffer.from(row.content) }))
  return {
    rows: rows.map(({ content: _content, ...meta }, index) => ({ ...meta, byte_size: Number(meta.byte_size), path: files[index]?.name })),
    files,
  }
}

export async function tenantArchiveEntries(tx: Queryable, tenantId: string, exportedAt: Date): Promise<ZipEntry[]> {
  const [tenant] = await exportableRows(tx, 'tenants', 't.id = $1', [tenantId], 't.id')
  const stored = await originals(tx, tenantId)
  const files: Record<string, Record<string, unknown>[]> = {
    'documents.ndjson': await exportableRows(tx, 'tenant_knowledge', tenantDocuments, [tenantId], 't.created_at, t.id'),
    'chunks.ndjson': await exportableRows(tx, 'tenant_knowledge_chunks', ofTenantDocuments, [tenantId], 't.knowledge_id, t.chunk_index'),
    'originals.ndjson': stored.rows,
    'conversations.ndjson': await conversationsWithMessages(tx, tenantId),
    'members.ndjson': await members(tx, tenantId),
    'tiers.ndjson': await exportableRows(tx, 'tenant_member_tiers', byTenant, [tenantId], 't.created_at, t.id'),
    'usage.ndjson': await usage(tx, tenantId),
    'audit.ndjson': await audit(tx, tenantId),
  }
  const manifest = {
    format: 'tenant-export/1',
    exportedAt: exportedAt.toISOString(),
    tenant,
    files: Object.fromEntries(Object.entries(files).map(([name, rows]) => [name, rows.length])),
    originals: stored.files.length,
  }
  return [
    { name: 'manifest.json', data: JSON.stringify(manifest, null, 2) },
    ...Object.entries(files).map(([name, rows]) => ({ name, data: ndjson(rows) })),
    ...stored.files,
  ]
}
