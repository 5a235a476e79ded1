import { withService, type Database } from '@/lib/db'
import { decryptSecret, encryptSecret } from './cipher'
import { identitySecretContext } from './identity-context'
import type { KeyRing } from './key-ring'

/** The context a two-factor seed is sealed with: the seed opens only in its own user's row. */
export const twoFactorSecretContext = (userId: string) => `user_two_factor:${userId}`

/**
 * Every column where the platform keeps an encrypted secret. A feature that stores a new
 * kind of secret adds its column here, so rotation re-encrypts it too.
 */
export const STORED_SECRETS = [
  {
    name: 'two-factor seeds',
    table: 'public.user_two_factor',
    idColumn: 'user_id',
    column: 'secret_ciphertext',
    context: twoFactorSecretContext,
  },
  {
    name: 'identity secrets',
    table: 'public.tenant_identity_secrets',
    idColumn: 'tenant_id',
    column: 'secret_ciphertext',
    context: identitySecretContext,
  },
] as const

export type Reencrypted = { name: string; reencrypted: number }

/**
 * Re-seals every stored secret that another key sealed under the ring's current key, in
 * batches of one transaction each. A row changed meanwhile (`column = old`) is left to
 * the next pass. A secret no key of the ring opens stops the run with the key's id:
 * configure that key in SECRETS_OLD_KEYS and run it again.
 */
export async function reencryptStoredSecrets(db: Database, ring: KeyRing, batchSize = 200): Promise<Reencrypted[]> {
  const report: Reencrypted[] = []
  for (const secret of STORED_SECRETS) {
    let reencrypted = 0
    for (;;) {
      const done = await withService(db, async (tx) => {
        const rows = await tx.query<{ id: string; sealed: string }>(
          `select ${secret.idColumn}::text as id, ${secret.column} as sealed from ${secret.table}
           where split_part(${secret.column}, ':', 2) <> $1 order by 1 limit $2 for update`,
          [ring.current.id, batchSize],
        )
        for (const row of rows) {
          const context = secret.context(row.id)
          const resealed = encryptSecret(ring, decryptSecret(ring, row.sealed, context), context)
          await tx.query(`update ${secret.table} set ${secret.column} = $2 where ${secret.idColumn}::text = $1 and ${secret.column} = $3`, [
            row.id,
            resealed,
            row.sealed,
          ])
        }
        return rows.length
      })
      reencrypted += done
      if (done < batchSize) break
    }
    report.push({ name: secret.name, reencrypted })
  }
  return report
}
