import { withService } from '@/lib/db'
import { toAppError } from '@/lib/errors'
import { jobContext, type JobContext, type JobContextOptions } from './context'
import { claimJob, expireLeases, failAbandonedJobs, failJob, type JobRow } from './job-store'
import { runExportJob } from './export-job'
import { runIngestJob } from './ingest-job'
import { LostJob } from './lost-job'
import { runReextractJob } from './reextract-job'
import { runReindexJob } from './reindex-job'

/*
 * Runs knowledge jobs in the server process: claims one whenever a slot is free (woken
 * by an upload, and by a poll every few seconds for retries and for jobs another
 * process left behind). A file's own fault (4xx: unreadable, too big, no room) fails
 * its job at once; anything else is retried with growing delays, then failed.
 */

const POLL_MS = 2_000

/** 5 s, 25 s, 125 s ... at most 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 5 ** Math.max(1, attempts))
}

async function runJob(context: JobContext, job: JobRow): Promise<void> {
  try {
    if (job.kind === 'ingest') await runIngestJob(context, job)
    else if (job.kind === 'reextract') await runReextractJob(context, job)
    else if (job.kind === 'export') await runExportJob(context, job)
    else await runReindexJob(context, job)
  } catch (error) {
    if (error instanceof LostJob) return
    const appError = toAppError(error)
    if (appError.status >= 500) console.error('[jobs]', job.kind, job.id, appError.cause ?? appError)
    const retry = appError.status >= 500 && job.attempts < job.max_attempts ? retryDelaySeconds(job.attempts) : null
    await withService(context.db, async (tx) => {
      const failed = await failJob(tx, job, { code: appError.code, message: appError.message }, retry)
      // A file that will never become a document gives its storage back (a re-extraction's
      // original stays its document's: such a job names none).
      if (failed && retry === null && job.original_id) await context.originals.remove(tx, job.tenant_id, job.original_id)
    })
  }
}

export class JobRunner {
  private active = 0
  private filling: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private stopped = false
  private readonly running = new Set<Promise<void>>()
  readonly context: JobContext

  constructor(
    options: JobContextOptions,
    // One job extracting in a worker while another embeds or commits on this thread.
    private readonly concurrency = 2,
  ) {
    this.context = jobContext(options)
  }

  /** Starts polling. `recoverAll`: this process owns the database alone, so whatever was in flight was its previous run's. */
  async start(recoverAll: boolean): Promise<void> {
    if (recoverAll) await withService(this.context.db, expireLeases)
    this.timer = setInterval(() => this.wake(), POLL_MS)
    this.timer.unref()
    this.wake()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    await Promise.allSettled([...this.running])
  }

  wake(): void {
    void this.fill().catch((error: unknown) => console.error('[jobs] claiming failed', error))
  }

  /** Runs jobs until none is runnable and none is running (tests, the CLI). */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      await this.fill()
      if (this.running.size === 0) return
      await Promise.race(this.running)
    }
  }

  private fill(): Promise<void> {
    this.filling ??= this.claimWhileFree().finally(() => {
      this.filling = null
    })
    return this.filling
  }

  private async claimWhileFree(): Promise<void> {
    await withService(this.context.db, failAbandonedJobs)
    while (!this.stopped && this.active < this.concurrency) {
      const job = await withService(this.context.db, claimJob)
      if (!job) break
      this.active += 1
      const work = runJob(this.context, job).finally(() => {
        this.active -= 1
        this.running.delete(work)
        if (!this.stopped) this.wake()
      })
      this.running.add(work)
    }
  }
}
