/*
 * Re-embeds knowledge whose vectors come from another model than the configured one:
 * `npm run knowledge:reindex [-- --tenant <slug>]`. Queues a re-embedding job per tenant
 * (all tenants that need one, or the one named) and runs the job queue until it is empty,
 * printing progress. In embedded mode stop the app first: the database is one process's.
 */
import { parseArgs } from 'node:util'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { withService } from '@/lib/db'
import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'
import { enqueueStaleReindexes, indexCounts, JobRunner } from '@/lib/multi-tenant/knowledge'
import { ensureReindexJob } from '@/lib/multi-tenant/knowledge'

const usage = 'Usage: npm run knowledge:reindex [-- --tenant <slug>]'

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, help: { type: 'boolean' } } })
  if (values.help) {
    console.log(usage)
    return 0
  }
  const env = config()
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 4 }) : await openPglite(env.PGLITE_DATA_DIR)
  const runner = new JobRunner({ db })
  try {
    await migrate(db)
    const model = defaultEmbedder().model
    if (values.tenant) {
      const [tenant] = await withService(db, (tx) =>
        tx.query<{ id: string }>('select id from public.tenants where slug = $1', [values.tenant]),
      )
      if (!tenant) {
        console.error(`No tenant has the slug ${values.tenant}.`)
        return 1
      }
      await withService(db, (tx) => ensureReindexJob(tx, tenant.id))
    } else {
      console.log(`${await enqueueStaleReindexes(db, model)} tenant(s) hold vectors of another model than ${model}.`)
    }
    const progress = setInterval(() => {
      void withService(db, (tx) =>
        tx.query<{ slug: string; progress: number }>(
          `select t.slug, j.progress from public.knowledge_jobs j join public.tenants t on t.id = j.tenant_id
            where j.kind = 'reindex' and j.status in ('queued', 'embedding') order by t.slug`,
        ),
      ).then((rows) => rows.forEach((row) => console.log(`  ${row.slug}: ${row.progress}%`)))
    }, 2000)
    await runner.runUntilIdle().finally(() => clearInterval(progress))
    const counts = await withService(db, (tx) => indexCounts(tx, model))
    const slugs = await withService(db, (tx) => tx.query<{ id: string; slug: string }>('select id, slug from public.tenants order by slug'))
    for (const { id, slug } of slugs) {
      const state = counts.get(id)
      if (state && (!values.tenant || slug === values.tenant))
        console.log(`${slug}: ${state.chunks} chunks, ${state.pendingChunks} still on another model`)
    }
    return 0
  } finally {
    await runner.context.pool.close()
    await db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof DatabaseInUseError
        ? error.message
        : `knowledge:reindex failed: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  },
)
