/*
 * Runs once when the server starts (Next.js instrumentation): starts the knowledge job
 * runner and, with BACKUP_DIR in embedded mode, the scheduled backups. Not during
 * `next build`, which must never open the embedded database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { startEventLoopMonitor } = await import('./lib/debug/event-loop')
  startEventLoopMonitor()
  const { startKnowledgeJobs } = await import('./lib/multi-tenant/knowledge/jobs/start')
  startKnowledgeJobs().catch((error: unknown) => console.error('[jobs] could not start', error))
  const { config } = await import('./lib/env')
  const env = config()
  if (env.BACKUP_DIR && env.modes.database === 'pglite') {
    const { getDatabase } = await import('./lib/db')
    const { startScheduledBackups } = await import('./lib/db/scheduled-backup')
    startScheduledBackups(getDatabase, { dir: env.BACKUP_DIR, intervalHours: env.BACKUP_INTERVAL_HOURS, keep: env.BACKUP_KEEP })
  }
}
