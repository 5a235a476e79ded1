import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import type { PGlite } from '@electric-sql/pglite'
import { createPglite, wrap } from '../pglite-driver'
import type { Queryable } from '../types'
import { toThreadError, type ThreadOpen, type ThreadReply, type ThreadRequest } from './protocol'

/*
 * The thread that runs embedded PGlite (built into build/pglite-worker.mjs). PGlite's
 * WebAssembly runs each statement to its end without yielding, so on the server's own
 * thread a big statement stalls every request; here it stalls only this thread. Each
 * transaction is one PGlite transaction, fed the statements the server sends for it;
 * PGlite's mutex still runs one transaction at a time.
 */

type Statement = Extract<ThreadRequest, { type: 'query' | 'exec' | 'end' }>

if (!parentPort) throw new Error('The PGlite thread runs as a worker thread.')
const port: MessagePort = parentPort

const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer)

// A transaction's statements, in order, for the PGlite transaction that runs them.
class Inbox {
  private readonly queued: Statement[] = []
  private waiter: ((statement: Statement) => void) | null = null

  push(statement: Statement): void {
    if (this.waiter) {
      this.waiter(statement)
      this.waiter = null
    } else this.queued.push(statement)
  }

  next(): Promise<Statement> {
    const statement = this.queued.shift()
    if (statement) return Promise.resolve(statement)
    return new Promise((resolve) => (this.waiter = resolve))
  }
}

class RolledBack extends Error {}

const inboxes = new Map<number, Inbox>()

/** Runs the transaction's statements up to its end; returns that end. */
async function serve(tx: Queryable, inbox: Inbox): Promise<Extract<Statement, { type: 'end' }>> {
  for (;;) {
    const statement = await inbox.next()
    if (statement.type === 'end') return statement
    try {
      const rows = statement.type === 'query' ? await tx.query(statement.sql, statement.params) : (await tx.exec(statement.sql), [])
      post({ type: 'done', id: statement.id, rows })
    } catch (error) {
      post({ type: 'error', id: statement.id, error: toThreadError(error) })
    }
  }
}

/** One transaction, named by the id of its begin request; its end is answered once PGlite committed or rolled back. */
async function transaction(pg: PGlite, begin: number): Promise<void> {
  const inbox = new Inbox()
  let endId = begin
  try {
    await pg.transaction(async (tx) => {
      inboxes.set(begin, inbox)
      post({ type: 'done', id: begin })
      const end = await serve(wrap(tx), inbox)
      endId = end.id
      if (!end.commit) throw new RolledBack()
    })
    post({ type: 'done', id: endId })
  } catch (error) {
    if (error instanceof RolledBack) post({ type: 'done', id: endId })
    else post({ type: 'error', id: endId, error: toThreadError(error) })
  } finally {
    inboxes.delete(begin)
  }
}

async function main(): Promise<void> {
  const { dataDir, snapshot } = workerData as ThreadOpen
  let pg: PGlite
  try {
    pg = await createPglite(dataDir, snapshot ? new Blob([snapshot]) : undefined)
  } catch (error) {
    post({ type: 'failed', error: toThreadError(error) })
    return
  }
  port.on('message', (request: ThreadRequest) => {
    if (request.type === 'begin') void transaction(pg, request.id)
    else if (request.type === 'dump') {
      // Inside the transaction mutex: the copy waits for the open transaction and holds only committed work.
      void pg
        .transaction(() => pg.dumpDataDir(request.compression))
        .then((file) => file.arrayBuffer())
        .then(
          (dump) => post({ type: 'done', id: request.id, dump }, [dump]),
          (error: unknown) => post({ type: 'error', id: request.id, error: toThreadError(error) }),
        )
    } else if (request.type === 'close') {
      void pg.close().then(
        () => post({ type: 'done', id: request.id }),
        (error: unknown) => post({ type: 'error', id: request.id, error: toThreadError(error) }),
      )
    } else {
      const inbox = inboxes.get(request.tx)
      if (inbox) inbox.push(request)
      else post({ type: 'error', id: request.id, error: { message: `No open transaction ${request.tx}.` } })
    }
  })
  post({ type: 'ready' })
}

void main()
