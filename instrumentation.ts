/*
 * Runs once when the server starts (Next.js instrumentation): starts the knowledge job
 * runner. Not during `next build`, which must never open the embedded database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { startEventLoopMonitor } = await import('./lib/debug/event-loop')
  startEventLoopMonitor()
  const { startKnowledgeJobs } = await import('./lib/multi-tenant/knowledge/jobs/start')
  startKnowledgeJobs().catch((error: unknown) => console.error('[jobs] could not start', error))
}
