import { randomBytes } from 'node:crypto'
import type { IdentitySecret } from '@/lib/contracts/end-users'
import { decryptSecret, encryptSecret, identitySecretContext, keyRing } from '@/lib/secrets'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/*
 * A tenant's identity secret, which its own server uses to sign its end users' ids
 * (HMAC-SHA256). It is stored sealed (lib/secrets) and shown to the tenant's admins on
 * request, since their server needs it; rotating it makes every earlier hash wrong.
 */

type SecretRow = { secret_ciphertext: string; created_at: Date | string }

const shown = (tenantId: string, row: SecretRow | undefined): IdentitySecret =>
  row
    ? {
        secret: decryptSecret(keyRing(), row.secret_ciphertext, identitySecretContext(tenantId)),
        createdAt: new Date(row.created_at).toISOString(),
      }
    : { secret: null, createdAt: null }

export async function readIdentitySecret(caller: Acting, tenantId: string): Promise<IdentitySecret> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<SecretRow>(
      'select secret_ciphertext, created_at from public.tenant_identity_secrets where tenant_id = $1',
      [tenantId],
    )
    return shown(tenantId, rows[0])
  })
}

/** Makes the tenant's first identity secret, or replaces it (earlier hashes stop working at once); audited. */
export async function rotateIdentitySecret(caller: Acting, tenantId: string): Promise<IdentitySecret> {
  const secret = `ois_${randomBytes(32).toString('base64url')}`
  const sealed = encryptSecret(keyRing(), secret, identitySecretContext(tenantId))
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<SecretRow & { replaced: boolean }>(
      `insert into public.tenant_identity_secrets as s (tenant_id, secret_ciphertext, created_by) values ($1, $2, $3)
       on conflict (tenant_id) do update set secret_ciphertext = excluded.secret_ciphertext, created_by = excluded.created_by, created_at = now()
       returning secret_ciphertext, created_at, (xmax::text <> '0') as replaced`,
      [tenantId, sealed, caller.session?.userId ?? null],
    )
    const row = rows[0]
    await recordAudit(tx, {
      tenantId,
      action: 'identity_secret.rotate',
      targetType: 'tenant',
      targetId: tenantId,
      after: { replaced: row?.replaced === true },
      ip: caller.ip,
    })
    return shown(tenantId, row)
  })
}
