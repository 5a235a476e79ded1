import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'

/*
 * Messages count towards the tenant's storage (migration 20261206040100_message_storage.sql).
 * A question whose exchange would be stored is refused before the model answers when the
 * storage is already full, rather than after the answer was streamed. One statement in
 * the caller's own transaction: the function answers members and visitors about their own
 * tenant only.
 */

const STORAGE_FULL_SQLSTATE = 'OR413'

/** 413 storage_full when the tenant cannot store anything more. */
export async function assertStorageRoom(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query('select app_private.assert_storage_room($1)', [tenantId]).catch((error: unknown) => {
    if ((error as { code?: unknown } | null)?.code === STORAGE_FULL_SQLSTATE) {
      throw new AppError('storage_full', (error as Error).message, { cause: error })
    }
    throw error
  })
}
