import type { Row } from '../types'

/* Messages between the server's thread and the thread that runs embedded PGlite. */

export type ThreadOpen = { dataDir?: string; snapshot?: ArrayBuffer }

export type ThreadRequest =
  | { type: 'begin'; id: number }
  | { type: 'query'; id: number; tx: number; sql: string; params: readonly unknown[] }
  | { type: 'exec'; id: number; tx: number; sql: string }
  | { type: 'end'; id: number; tx: number; commit: boolean }
  | { type: 'dump'; id: number; compression: 'none' | 'gzip' }
  | { type: 'close'; id: number }

/** A database error's message and its fields (code, detail, constraint ...), which callers map to answers. */
export type ThreadError = { message: string } & Record<string, string | number>

export type ThreadReply =
  | { type: 'ready' }
  | { type: 'failed'; error: ThreadError }
  | { type: 'done'; id: number; rows?: Row[]; dump?: ArrayBuffer }
  | { type: 'error'; id: number; error: ThreadError }

export function toThreadError(error: unknown): ThreadError {
  const fields: ThreadError = { message: error instanceof Error ? error.message : String(error) }
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value
    }
  }
  return fields
}

export function fromThreadError(error: ThreadError): Error {
  const { message, ...fields } = error
  return Object.assign(new Error(message), fields)
}
