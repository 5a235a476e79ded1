/*
 * Ingest benchmark through the HTTP API of a production build (`npm run build` first):
 *   npm run bench:ingest -- --markdown <folder with >= 500 .md files> [--batch 100] [--files 500] [--crash]
 * It starts `next start` on a fresh embedded database (DEBUG_EVENT_LOOP=1), signs in as a
 * platform admin, creates a tenant and measures: 500 Markdown files, a 300-page PDF made
 * from their text, and two bombs (a DOCX and a PDF), each with files/s or seconds,
 * chunks/s, the server's event-loop delay p99/max and /api/health latency p95/max while it
 * runs. `--crash` adds a kill -9 in the middle of a 100-file import, a restart, and checks
 * that every file ends done or failed, no document is partial and storage is exact.
 * `--database-url postgres://...` (an empty database) runs the server on Postgres instead.
 * Works against the synchronous upload API this replaced too: `--app <checkout>` runs
 * another checkout's build (`--batch 20` for that API's per-request limit).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import type { Database } from '@/lib/db'
import { makeDocxBomb, makePdfBomb } from '../tests/support/bombs'
import { makePdf } from '../tests/support/fixtures'
import { Client } from './ingest/client'
import { markdownFiles, pagesFrom, proseOf } from './ingest/corpus'
import { HealthProbe } from './ingest/probe'
import { assertBuilt, createPlatformAdmin, serverEnv, serverRssMb, startServer, stopServer, setAppDir, type Server } from './ingest/server'

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123' }
const PORT = 3190

const row = (label: string, value: string) => console.log(`  ${label.padEnd(36)} ${value}`)

type Phase = { seconds: number; health: { p95Ms: number; maxMs: number }; loop: { p99Ms: number; maxMs: number } | null }

async function measured<T>(server: Server, client: Client, work: () => Promise<T>): Promise<Phase & { result: T }> {
  const probe = new HealthProbe(server.url)
  await client.eventLoop()
  probe.start()
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  const health = await probe.stop()
  return { result, seconds, health, loop: await client.eventLoop() }
}

function report(phase: Phase) {
  row('/api/health latency p95 / max', `${phase.health.p95Ms} ms / ${phase.health.maxMs} ms`)
  row('event-loop delay p99 / max', phase.loop ? `${phase.loop.p99Ms} ms / ${phase.loop.maxMs} ms` : 'n/a (no /api/debug/event-loop)')
}

/** Uploads in batches, then waits for the jobs; the synchronous API is done when it answers. */
async function ingest(client: Client, tenantId: string, files: { name: string; bytes: Uint8Array }[], batch: number) {
  let ids: string[] = []
  let refused = 0
  let legacyChunks = 0
  for (let start = 0; start < files.length; start += batch) {
    const accepted = await client.upload(tenantId, files.slice(start, start + batch))
    ids = ids.concat(accepted.ids)
    refused += accepted.refused
    legacyChunks += accepted.legacyChunks
  }
  const jobs = ids.length > 0 ? await client.settle(tenantId, ids) : []
  return {
    done: jobs.filter((job) => job.status === 'done').length + (ids.length === 0 ? files.length - refused : 0),
    failed: jobs.filter((job) => job.status === 'failed').length + refused,
    jobs,
    legacyChunks,
  }
}

async function chunkCount(client: Client, tenantId: string, legacyChunks: number): Promise<number> {
  return (await client.chunks(tenantId)) ?? legacyChunks
}

async function crashRun(
  env: NodeJS.ProcessEnv,
  openDb: () => Promise<Database>,
  files: { name: string; bytes: Uint8Array }[],
  server: Server,
  client: Client,
) {
  console.log('\nkill -9 during a 100-file import, then a restart')
  const tenantId = await client.createTenant('bench-crash')
  const accepted = await client.upload(tenantId, files.slice(0, 100))
  for (;;) {
    const done = (await client.jobs(tenantId)).filter((job) => job.status === 'done').length
    if (done >= 20) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const before = (await client.jobs(tenantId)).filter((job) => job.status === 'done').length
  await stopServer(server, 'SIGKILL')
  row('killed with', `${before} of 100 done`)
  const restarted = await startServer(env, PORT)
  const again = new Client(restarted.url)
  await again.login(ADMIN.email, ADMIN.password)
  const jobs = await again.settle(tenantId, accepted.ids)
  row(
    'after the restart',
    `${jobs.filter((job) => job.status === 'done').length} done, ${jobs.filter((job) => job.status === 'failed').length} failed, ${jobs.length - jobs.filter((job) => job.status === 'done' || job.status === 'failed').length} other`,
  )
  await stopServer(restarted)
  const db = await openDb()
  try {
    const [check] = await db.transaction((tx) =>
      tx.query<{ partial: number; counted: number; stored: number; documents: number }>(
        `select (select count(*)::int from public.tenant_knowledge k
                  where k.tenant_id = $1 and k.chunk_count <> (select count(*) from public.tenant_knowledge_chunks c where c.knowledge_id = k.id)) as partial,
                (select count(*)::int from public.tenant_knowledge where tenant_id = $1) as documents,
                coalesce((select storage_bytes from public.tenant_usage where tenant_id = $1 order by period desc limit 1), 0)::float8 as counted,
                ((select coalesce(sum(byte_size), 0) from public.tenant_knowledge where tenant_id = $1)
               + (select coalesce(sum(byte_size), 0) from public.tenant_knowledge_originals where tenant_id = $1))::float8 as stored`,
        [tenantId],
      ),
    )
    row('documents / partial documents', `${check?.documents} / ${check?.partial}`)
    row(
      'storage counted vs stored',
      `${check?.counted} vs ${check?.stored} bytes${check?.counted === check?.stored ? ' (exact)' : ' (MISMATCH)'}`,
    )
  } finally {
    await db.close()
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      markdown: { type: 'string', default: '.scratch/ingest-markdown' },
      batch: { type: 'string', default: '100' },
      files: { type: 'string', default: '500' },
      crash: { type: 'boolean', default: false },
      app: { type: 'string' },
      'database-url': { type: 'string' },
    },
  })
  if (values.app) setAppDir(values.app)
  assertBuilt()
  const files = markdownFiles(values.markdown as string, Number(values.files))
  const batch = Number(values.batch)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'))
  const databaseUrl = values['database-url']
  const env = serverEnv(dataDir, PORT, databaseUrl)
  createPlatformAdmin(env, ADMIN.email, ADMIN.password)
  const server = await startServer(env, PORT)
  try {
    const client = new Client(server.url)
    await client.login(ADMIN.email, ADMIN.password)
    const tenantId = await client.createTenant('bench-ingest')
    console.log(`Ingest benchmark over HTTP (node ${process.version}, ${os.availableParallelism()} cores)`)
    const idleRss = serverRssMb(server)

    const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0)
    console.log(`\n${files.length} Markdown files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${batch} per request`)
    const markdown = await measured(server, client, () => ingest(client, tenantId, files, batch))
    const mdChunks = await chunkCount(client, tenantId, markdown.result.legacyChunks)
    row('files done / failed', `${markdown.result.done} / ${markdown.result.failed}`)
    row('wall time', `${markdown.seconds.toFixed(1)} s`)
    row('files/s', (markdown.result.done / markdown.seconds).toFixed(1))
    row('chunks/s', `${(mdChunks / markdown.seconds).toFixed(0)} (${mdChunks} chunks)`)
    report(markdown)

    const pages = pagesFrom(
      files.map((file) => proseOf(Buffer.from(file.bytes).toString('utf8'))),
      300,
      400,
    )
    const pdf = await makePdf(pages)
    console.log(`\nA 300-page PDF from the same text (${(pdf.length / 1024 / 1024).toFixed(1)} MB, 400 words a page)`)
    const pdfRun = await measured(server, client, () => ingest(client, tenantId, [{ name: 'rfc-book.pdf', bytes: pdf }], 1))
    const pdfChunks = (await chunkCount(client, tenantId, mdChunks + pdfRun.result.legacyChunks)) - mdChunks
    row(
      'done / failed',
      `${pdfRun.result.done} / ${pdfRun.result.failed}${pdfRun.result.jobs[0]?.error ? ` (${pdfRun.result.jobs[0].error.message})` : ''}`,
    )
    row('wall time', `${pdfRun.seconds.toFixed(1)} s`)
    row('chunks/s', `${(pdfChunks / pdfRun.seconds).toFixed(0)} (${pdfChunks} chunks)`)
    report(pdfRun)

    for (const [name, bomb] of [
      ['bomb.docx', makeDocxBomb(300)],
      ['bomb.pdf', await makePdfBomb(200)],
    ] as const) {
      console.log(`\n${name} (${(bomb.length / 1024).toFixed(0)} KB), server idle at ${idleRss} MB`)
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, serverRssMb(server))), 100)
      const run = await measured(server, client, () => ingest(client, tenantId, [{ name, bytes: bomb }], 1))
      clearInterval(sampler)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const job = run.result.jobs[0]
      row(
        'outcome',
        job
          ? `${job.status}${job.error ? `: ${job.error.code}, ${job.error.message}` : ''}`
          : `refused at upload: ${run.result.failed === 1}`,
      )
      row('refused after', `${run.seconds.toFixed(1)} s`)
      row('server memory peak / 2 s later', `${peak} MB / ${serverRssMb(server)} MB`)
      report(run)
    }

    console.log('')
    row('reads sent again after a reset connection', String(client.resets))
    const openDb = async () => (databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir))
    if (values.crash) await crashRun(env, openDb, files, server, client)
    else await stopServer(server)
  } catch (error) {
    await stopServer(server).catch(() => {})
    throw error
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
