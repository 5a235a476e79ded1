import type { ApiKey, ApiKeyScope, CreateApiKeyInput, CreatedApiKey } from '@/lib/contracts/api-keys'
import { isUuid } from '@/lib/contracts/ids'
import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { newSecret } from './secret'

/*
 * A tenant's API keys, managed by its admins (and platform admins) under their own RLS:
 * loadTenantForAdmin answers 404 for a tenant the caller cannot see and 403 for a
 * member who is not its admin; the policies hold the same rule in the database. The
 * secret leaves the server once, in the answer to its creation.
 */

const KEY_COLUMNS = 'id, name, prefix, scopes, expires_at, last_used_at, revoked_at, created_at'

type KeyRow = {
  id: string
  name: string
  prefix: string
  scopes: ApiKeyScope[]
  expires_at: Date | string | null
  last_used_at: Date | string | null
  revoked_at: Date | string | null
  created_at: Date | string
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

function toApiKey(row: KeyRow): ApiKey {
  return {
    id: String(row.id),
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    expiresAt: instant(row.expires_at),
    lastUsedAt: instant(row.last_used_at),
    revokedAt: instant(row.revoked_at),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

const keyNotFound = () => new AppError('not_found', 'No such API key in this tenant.')

export async function listApiKeys(caller: Acting, tenantId: string): Promise<{ keys: ApiKey[] }> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<KeyRow>(`select ${KEY_COLUMNS} from public.tenant_api_keys where tenant_id = $1 order by created_at desc`, [
      tenantId,
    ])
    return { keys: rows.map(toApiKey) }
  })
}

export async function createApiKey(caller: Acting, tenantId: string, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { secret, prefix, hash } = newSecret()
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<KeyRow>(
      `insert into public.tenant_api_keys (tenant_id, name, prefix, secret_hash, scopes, expires_at, created_by)
       values ($1, $2, $3, $4, $5::text[], $6, $7) returning ${KEY_COLUMNS}`,
      [tenantId, input.name, prefix, hash, input.scopes, input.expiresAt ?? null, caller.session?.userId ?? null],
    )
    const row = rows[0]
    if (!row) throw new AppError('internal', 'The key was not stored.')
    const key = toApiKey(row)
    await recordAudit(tx, {
      tenantId,
      action: 'api_key.create',
      targetType: 'api_key',
      targetId: key.id,
      after: { name: key.name, prefix: key.prefix, scopes: key.scopes, expiresAt: key.expiresAt },
      ip: caller.ip,
    })
    return { key, secret }
  })
}

/** Revokes a key at once (the next request with it is 401); revoking a revoked key changes nothing. */
export async function revokeApiKey(caller: Acting, tenantId: string, keyId: string): Promise<void> {
  await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(keyId)) throw keyNotFound()
    const key = await lockKey(tx, tenantId, keyId)
    if (key.revoked_at !== null) return
    await tx.query('update public.tenant_api_keys set revoked_at = now() where tenant_id = $1 and id = $2', [tenantId, keyId])
    await recordAudit(tx, {
      tenantId,
      action: 'api_key.revoke',
      targetType: 'api_key',
      targetId: keyId,
      before: { name: key.name, prefix: key.prefix, scopes: key.scopes },
      ip: caller.ip,
    })
  })
}

async function lockKey(tx: Queryable, tenantId: string, keyId: string): Promise<KeyRow> {
  const rows = await tx.query<KeyRow>(`select ${KEY_COLUMNS} from public.tenant_api_keys where tenant_id = $1 and id = $2 for update`, [
    tenantId,
    keyId,
  ])
  const row = rows[0]
  if (!row) throw keyNotFound()
  return row
}
