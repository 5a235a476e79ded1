import { existsSync } from 'node:fs'
import path from 'node:path'
import * as threads from 'node:worker_threads'
import { acquireDataDirLock } from '../data-dir-lock'
import type { Database, Queryable, Row } from '../types'
import { fromThreadError, type ThreadOpen, type ThreadReply, type ThreadRequest } from './protocol'

/*
 * Embedded PGlite in a thread of its own (see entry.ts): the server's event loop keeps
 * answering while a statement runs. Same Database as openPglite, one session, one
 * transaction at a time; rows and errors cross the thread by structured clone.
 */

export const PGLITE_WORKER_SCRIPT = path.join(process.cwd(), 'build', 'pglite-worker.mjs')

// Through Reflect, as for the ingest pool: the worker is a built file, not a module to bundle.
const WorkerThread = Reflect.get(threads, 'Worker') as typeof threads.Worker

type Done = Extract<ThreadReply, { type: 'done' }>
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never

export async function openPgliteThread(dataDir?: string, options: { snapshot?: Blob; script?: string } = {}): Promise<Database> {
  const script = options.script ?? PGLITE_WORKER_SCRIPT
  if (!existsSync(/* turbopackIgnore: true */ script)) {
    throw new Error(`The database thread ${script} is missing; run \`npm run build:worker\` (npm run build and npm run dev do it).`)
  }
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {}
  const workerData: ThreadOpen = { dataDir, snapshot: options.snapshot ? await options.snapshot.arrayBuffer() : undefined }
  const worker = new WorkerThread(script, { workerData, transferList: workerData.snapshot ? [workerData.snapshot] : [] })
  const pending = new Map<number, { resolve: (reply: Done) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let gone: Error | null = null

  const stop = (error: Error) => {
    gone ??= error
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
  }
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: ThreadReply) => {
      if (reply.type === 'ready') return resolve()
      if (reply.type === 'failed') return reject(fromThreadError(reply.error))
      const waiter = pending.get(reply.id)
      pending.delete(reply.id)
      if (reply.type === 'done') waiter?.resolve(reply)
      else waiter?.reject(fromThreadError(reply.error))
    })
    worker.on('error', (error) => {
      stop(error)
      reject(error)
    })
    worker.on('exit', (code) => {
      const error = new Error(`The database thread stopped (exit code ${code}).`)
      stop(error)
      reject(error)
    })
  })

  const call = (request: WithoutId<ThreadRequest>, id = nextId++): Promise<Done> => {
    if (gone) return Promise.reject(gone)
    return new Promise<Done>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...request, id } as ThreadRequest)
    })
  }

  try {
    await ready
  } catch (error) {
    await worker.terminate()
    release()
    throw error
  }

  return {
    kind: 'pglite',
    async snapshot(compression = 'none') {
      const { dump } = await call({ type: 'dump', compression })
      return new Blob([dump ?? new ArrayBuffer(0)])
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const tx = nextId++
      await call({ type: 'begin' }, tx)
      const queryable: Queryable = {
        async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
          return ((await call({ type: 'query', tx, sql, params })).rows ?? []) as R[]
        },
        async exec(sql: string) {
          await call({ type: 'exec', tx, sql })
        },
      }
      let result: T
      try {
        result = await fn(queryable)
      } catch (error) {
        await call({ type: 'end', tx, commit: false }).catch(() => {})
        throw error
      }
      await call({ type: 'end', tx, commit: true })
      return result
    },
    async close() {
      try {
        if (!gone) await call({ type: 'close' })
        await worker.terminate()
      } finally {
        release()
      }
    },
  }
}
