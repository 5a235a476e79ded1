import type { Database } from '@/lib/db'
import { JobRunner } from './runner'

// One runner per process, on globalThis so dev-mode module reloads keep it.
const holder = globalThis as unknown as { __knowledgeJobRunner?: JobRunner }

/** Starts the process's job runner once; later calls return the running one. */
export async function startJobRunner(db: Database): Promise<JobRunner> {
  if (!holder.__knowledgeJobRunner) {
    const runner = new JobRunner({ db })
    holder.__knowledgeJobRunner = runner
    await runner.start(db.kind === 'pglite')
  }
  return holder.__knowledgeJobRunner
}

/** Tells the process's runner (if this process runs one) that there is work. */
export function wakeJobRunner(): void {
  holder.__knowledgeJobRunner?.wake()
}
