import { getDatabase, withService } from '@/lib/db'
import { config } from '@/lib/env'
import { appVersion } from '@/lib/version'
import type { Health } from '@/lib/contracts/health'

export async function checkHealth(): Promise<Health> {
  const { modes } = config()
  const base = { mode: modes, version: appVersion }
  try {
    const db = await getDatabase()
    await withService(db, (tx) => tx.query('select 1'))
    return { status: 'ok', database: 'reachable', ...base }
  } catch (error) {
    return {
      status: 'unavailable',
      database: 'unreachable',
      ...base,
      error: error instanceof Error ? error.message : 'The database did not answer.',
    }
  }
}
