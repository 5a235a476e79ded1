import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import * as threads from 'node:worker_threads'
import { AppError, type ErrorCode } from '@/lib/errors'
import type { TaskResult, WorkerReply, WorkerTask } from './protocol'

/*
 * A small pool of ingest worker threads. Each thread has its own heap cap
 * (resourceLimits) and each task a time limit: a file that needs more memory or time
 * kills only its thread, and the task fails with a reason. The main thread, which
 * serves every tenant's requests, never parses a file.
 */

export type PoolOptions = {
  size: number
  timeoutMs: number
  memoryMb: number
  script?: string
}

export const WORKER_SCRIPT = path.join(process.cwd(), 'build', 'ingest-worker.mjs')

/** One worker per core, less the core the server's event loop and the database need. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1))
}

export type ProgressListener = (done: number, total: number) => void

// Reached through Reflect so that Next's bundler does not take `new Worker(path)` for a
// module to bundle (it would then try to bundle every file the path could name): the
// worker is a built file of its own, see scripts/build-ingest-worker.mjs.
const WorkerThread = Reflect.get(threads, 'Worker') as typeof threads.Worker

type Pending = {
  id: number
  task: WorkerTask
  label: string
  onProgress: ProgressListener
  resolve: (value: unknown) => void
  reject: (error: AppError) => void
}

type Slot = { worker: threads.Worker; busy: Pending | null; timer: NodeJS.Timeout | null; stall: NodeJS.Timeout | null }

// A file's own fault (it is unreadable within the limits) is 422; embedding texts that
// outgrow a worker is our side's problem and worth retrying.
function failureCode(task: WorkerTask): ErrorCode {
  return task.type === 'embed' ? 'unavailable' : 'unprocessable'
}

export class WorkerPool {
  private readonly slots = new Set<Slot>()
  private readonly waiting: Pending[] = []
  private nextId = 1
  private closed = false

  constructor(private readonly options: PoolOptions) {}

  /** `label` names the file in failure messages; `onProgress` hears the pages of a PDF as they start. */
  run<T extends WorkerTask>(task: T, label = 'The file', onProgress: ProgressListener = () => {}): Promise<TaskResult<T>> {
    if (this.closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'))
    return new Promise<TaskResult<T>>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, task, label, onProgress, resolve: resolve as (value: unknown) => void, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.waiting.splice(0)) pending.reject(new AppError('unavailable', 'The server is shutting down.'))
    await Promise.all([...this.slots].map((slot) => this.retire(slot)))
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = [...this.slots].find((candidate) => !candidate.busy) ?? (this.slots.size < this.options.size ? this.spawn() : null)
      if (!slot) return
      const pending = this.waiting.shift() as Pending
      slot.busy = pending
      slot.timer = setTimeout(() => this.fail(slot, this.timedOut(pending)), this.options.timeoutMs)
      slot.worker.postMessage({ id: pending.id, task: pending.task })
    }
  }

  private spawn(): Slot {
    const script = this.options.script ?? WORKER_SCRIPT
    if (!existsSync(/* turbopackIgnore: true */ script)) {
      throw new AppError(
        'internal',
        `The ingest worker ${script} is missing; run \`npm run build:worker\` (npm run build and npm test do it).`,
      )
    }
    const worker = new WorkerThread(script, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: Math.min(64, this.options.memoryMb / 4) },
    })
    const slot: Slot = { worker, busy: null, timer: null, stall: null }
    worker.on('message', (reply: WorkerReply) => this.settle(slot, reply))
    worker.on('error', (error: Error & { code?: string }) => {
      const pending = slot.busy
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${pending?.label ?? 'The file'} was refused: reading it needs more than the ${this.options.memoryMb} MB of memory a file may use.`
          : `${pending?.label ?? 'The file'} could not be read: the reader stopped (${error.message}).`
      this.fail(slot, new AppError(pending ? failureCode(pending.task) : 'unprocessable', reason, { cause: error }))
    })
    worker.on('exit', () => {
      if (this.slots.has(slot)) this.fail(slot, new AppError('unavailable', 'The ingest worker stopped unexpectedly.'))
    })
    worker.unref()
    this.slots.add(slot)
    return slot
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const pending = slot.busy
    if (!pending || pending.id !== reply.id) return
    if ('progress' in reply) {
      const { done, total } = reply.progress
      this.armStall(slot, pending, done, total)
      pending.onProgress(Math.min(done, total), total)
      return
    }
    this.clearTimers(slot)
    slot.busy = null
    if (reply.ok) pending.resolve(reply.value)
    else pending.reject(new AppError(reply.error.code as ErrorCode, reply.error.message))
    // A thread that gave up on a file may still hold what the file made of its heap.
    if (!reply.ok && pending.task.type !== 'embed') void this.retire(slot)
    this.dispatch()
  }

  private armStall(slot: Slot, pending: Pending, page: number, pages: number): void {
    if (slot.stall) clearTimeout(slot.stall)
    slot.stall = null
    // Past the last page the file's own time limit is the only one left.
    if (pending.task.type !== 'extract' || page > pages) return
    const { maxPageMs } = pending.task.limits
    slot.stall = setTimeout(() => {
      this.fail(
        slot,
        new AppError('unprocessable', `${pending.label} was refused: page ${page} took longer than ${maxPageMs / 1000} s to read.`),
      )
    }, maxPageMs)
  }

  private clearTimers(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.stall) clearTimeout(slot.stall)
    slot.timer = null
    slot.stall = null
  }

  /** The slot's thread is gone or no longer trusted: its task fails, a fresh thread takes its place on demand. */
  private fail(slot: Slot, error: AppError): void {
    const pending = slot.busy
    slot.busy = null
    void this.retire(slot)
    pending?.reject(error)
    this.dispatch()
  }

  private async retire(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return
    this.clearTimers(slot)
    await slot.worker.terminate()
  }

  private timedOut(pending: Pending): AppError {
    const seconds = Math.round(this.options.timeoutMs / 1000)
    return new AppError(
      failureCode(pending.task),
      `${pending.label} was refused: reading it took longer than the ${seconds} s a file may take.`,
    )
  }
}
