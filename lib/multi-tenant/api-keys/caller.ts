import type { ApiKeyScope } from '@/lib/contracts/api-keys'
import { getDatabase, withApiKey, type Database } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { TransactionScope } from '@/lib/multi-tenant/access'
import { tenantInactive } from '@/lib/multi-tenant/oracle'
import type { TenantStatus } from '@/lib/contracts/tenants'
import { bearerSecret, hashSecret } from './secret'

/**
 * A request made with a tenant API key: which key, its tenant and scopes as the database
 * read them (app_private.api_key_caller), and `run`, a transaction as that key (`anon`
 * with the secret's hash in the claims; RLS grants what the key's scopes allow).
 */
export type KeyCaller = {
  keyId: string
  tenantId: string
  scopes: ApiKeyScope[]
  run: TransactionScope
  /** A transaction as the key for a verified end user, whose session (by its token's hash) the server opened. */
  forEndUser: (sessionHash: string) => TransactionScope
}

type KeyRow = { key_id: string; tenant_id: string; scopes: ApiKeyScope[]; serving: boolean; tenant_status: TenantStatus }

const noKey = () => new AppError('unauthorized', 'Send a valid API key: Authorization: Bearer <key>.')

/** 401 without a live key (missing, unknown, revoked, expired); 403 tenant_inactive when its tenant is not serving. */
export async function resolveKeyCaller(headers: Headers, db?: Database): Promise<KeyCaller> {
  const secret = bearerSecret(headers)
  if (!secret) throw noKey()
  const database = db ?? (await getDatabase())
  const hash = hashSecret(secret)
  const rows = await withApiKey(database, hash, (tx) =>
    tx.query<KeyRow>('select key_id, tenant_id, scopes, serving, tenant_status from app_private.api_key_caller()'),
  )
  const row = rows[0]
  if (!row) throw noKey()
  if (!row.serving) throw tenantInactive(row.tenant_status)
  return {
    keyId: String(row.key_id),
    tenantId: String(row.tenant_id),
    scopes: row.scopes,
    run: (fn) => withApiKey(database, hash, fn),
    forEndUser: (sessionHash) => (fn) => withApiKey(database, hash, fn, sessionHash),
  }
}

/** 403 for a key without `scope`: the database would show it nothing anyway, this says why. */
export function requireScope(caller: KeyCaller, scope: ApiKeyScope): void {
  if (!caller.scopes.includes(scope)) {
    throw new AppError('forbidden', `This API key does not have the ${scope} scope.`)
  }
}
