import { parentPort } from 'node:worker_threads'
import { toAppError } from '@/lib/errors'
import type { WorkerReply, WorkerRequest } from './protocol'
import { embedTask, extractTask, unzipTask } from './tasks'

/*
 * The ingest worker thread. Built into build/ingest-worker.mjs (scripts/build-ingest-worker.mjs)
 * so `next start`, vitest and the CLI all run the same file outside any bundle.
 */

function run(request: WorkerRequest): Promise<unknown> {
  const { task } = request
  if (task.type === 'extract') {
    return extractTask(task, (done, total) => parentPort?.postMessage({ id: request.id, progress: { done, total } } satisfies WorkerReply))
  }
  if (task.type === 'embed') return embedTask(task)
  return unzipTask(task)
}

parentPort?.on('message', (request: WorkerRequest) => {
  run(request).then(
    (value) => {
      const transfer = Array.isArray(value) ? value.map((file: { bytes: Uint8Array }) => file.bytes.buffer as ArrayBuffer) : []
      parentPort?.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply, transfer)
    },
    (error: unknown) => {
      const appError = toAppError(error)
      if (appError.status >= 500) console.error('[ingest worker]', appError.cause ?? appError)
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        error: { code: appError.code, message: appError.message },
      } satisfies WorkerReply)
    },
  )
})
