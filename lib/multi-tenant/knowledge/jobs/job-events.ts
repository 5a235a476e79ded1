import type { KnowledgeJob } from '@/lib/contracts/knowledge-jobs'

/*
 * The jobs list as server-sent events: `jobs` with the current list first, then a `job`
 * event whenever one changes, found by polling under the caller's RLS (the same query
 * works on PGlite and on a server, and needs no LISTEN connection). A comment line every
 * 15 s keeps proxies from closing a quiet stream.
 */

const POLL_MS = 500
const HEARTBEAT_MS = 15_000

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

export type JobPoller = (since: string | undefined) => Promise<KnowledgeJob[]>

export function jobEventStream(initial: KnowledgeJob[], poll: JobPoller, signal: AbortSignal): Response {
  const encoder = new TextEncoder()
  const sent = new Map(initial.map((job) => [job.id, job.updatedAt]))
  let cursor = initial.reduce<string | undefined>((latest, job) => (!latest || job.updatedAt > latest ? job.updatedAt : latest), undefined)
  let timer: NodeJS.Timeout | undefined
  let lastWrite = Date.now()
  // Set when the client goes away, by whichever of abort and cancel comes first.
  let closed = false
  const close = () => {
    closed = true
    clearTimeout(timer)
  }

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(frame('jobs', { jobs: initial })))
      const tick = async () => {
        if (closed) return
        try {
          for (const job of (await poll(cursor)).reverse()) {
            if (sent.get(job.id) === job.updatedAt) continue
            sent.set(job.id, job.updatedAt)
            if (!cursor || job.updatedAt > cursor) cursor = job.updatedAt
            controller.enqueue(encoder.encode(frame('job', { job })))
            lastWrite = Date.now()
          }
          if (Date.now() - lastWrite > HEARTBEAT_MS) {
            controller.enqueue(encoder.encode(': keep-alive\n\n'))
            lastWrite = Date.now()
          }
          if (!closed) timer = setTimeout(() => void tick(), POLL_MS)
        } catch (error) {
          if (closed) return
          close()
          controller.enqueue(
            encoder.encode(frame('error', { message: error instanceof Error ? error.message : 'The job list could not be read.' })),
          )
          controller.close()
        }
      }
      timer = setTimeout(() => void tick(), POLL_MS)
      signal.addEventListener('abort', () => {
        close()
        try {
          controller.close()
        } catch {
          // Already closed by the client going away.
        }
      })
    },
    cancel: close,
  })
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' },
  })
}
