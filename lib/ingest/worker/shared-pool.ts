import { config } from '@/lib/env'
import { defaultPoolSize, WorkerPool } from './pool'

// One pool per process, kept on globalThis so dev-mode module reloads do not start another.
const holder = globalThis as unknown as { __ingestPool?: WorkerPool }

/** The process's ingest workers, sized by INGEST_WORKERS, INGEST_WORKER_MEMORY_MB and INGEST_FILE_TIMEOUT_S. */
export function ingestPool(): WorkerPool {
  const env = config()
  holder.__ingestPool ??= new WorkerPool({
    size: env.INGEST_WORKERS ?? defaultPoolSize(),
    memoryMb: env.INGEST_WORKER_MEMORY_MB,
    timeoutMs: env.INGEST_FILE_TIMEOUT_S * 1000,
  })
  return holder.__ingestPool
}

/** Tests swap in a pool with tighter limits, and close it afterwards. */
export function setIngestPoolForTests(pool: WorkerPool | undefined): void {
  holder.__ingestPool = pool
}
