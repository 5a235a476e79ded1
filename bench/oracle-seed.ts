import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { padToColumn, toPgVector, type EmbeddingProvider } from '../lib/ai/embeddings'
import { hashPassword } from '@/lib/auth/local/password'
import { withService, type Database } from '../lib/db'
import { migrate } from '../lib/db/migrate'
import { openPglite } from '../lib/db/pglite-driver'
import { openPostgres } from '../lib/db/postgres-driver'

/*
 * The oracle benchmark's world, written straight into a fresh database before the app
 * starts: tenants, members with real (production-cost) password hashes, and a few
 * documents per tenant embedded by the same provider the app will search with.
 */

export type BenchMember = { tenantSlug: string; email: string; password: string }

const PASSWORD = 'bench-password-123'

const TOPICS = [
  ['Opening hours', 'We are open from eight in the morning until six in the evening on weekdays, and until noon on Saturday.'],
  ['Refunds', 'Refunds take up to fourteen days once the receipt is shown; gift cards are refunded as store credit.'],
  ['Sessions', 'A session lasts fifty minutes. Cancel at least a day ahead to move it without a fee.'],
  ['Pricing', 'The basic plan costs twelve euros a month; the team plan costs forty euros a month for five seats.'],
] as const

async function addDocuments(db: Database, tenantId: string, embedder: EmbeddingProvider): Promise<void> {
  const vectors = await embedder.embed(TOPICS.map(([title, content]) => `${title}\n${content}`))
  await withService(db, async (tx) => {
    for (const [index, [title, content]] of TOPICS.entries()) {
      const rows = await tx.query<{ id: string }>(
        `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, chunk_count)
         values ($1, $2, $3, $4, 1) returning id`,
        [tenantId, title, content, createHash('sha256').update(content).digest('hex')],
      )
      await tx.query(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
         values ($1, $2, 0, $3, $4::extensions.vector, $5)`,
        [tenantId, rows[0]?.id, content, toPgVector(padToColumn(vectors[index] ?? [])), embedder.model],
      )
    }
  })
}

export async function seedBenchWorld(
  db: Database,
  embedder: EmbeddingProvider,
  shape: { tenants: number; membersPerTenant: number },
): Promise<BenchMember[]> {
  const members: BenchMember[] = []
  for (let t = 0; t < shape.tenants; t += 1) {
    const slug = `bench-tenant-${t + 1}`
    const tenantRows = await withService(db, (tx) =>
      tx.query<{ id: string }>(`insert into public.tenants (name, slug) values ($1, $2) returning id`, [`Bench Tenant ${t + 1}`, slug]),
    )
    const tenantId = tenantRows[0]?.id ?? ''
    await addDocuments(db, tenantId, embedder)
    for (let m = 0; m < shape.membersPerTenant; m += 1) {
      const email = `member${m + 1}@${slug}.bench`
      const hash = await hashPassword(PASSWORD)
      await withService(db, async (tx) => {
        const users = await tx.query<{ id: string }>(
          `insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now()) returning id`,
          [email, hash],
        )
        await tx.query(`insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user')`, [tenantId, users[0]?.id])
      })
      members.push({ tenantSlug: slug, email, password: PASSWORD })
    }
  }
  return members
}

export type BenchDatabase = {
  label: string
  db: Database
  /** What the app needs in its environment to use this database. */
  env: Record<string, string>
  /** Closes the set-up connection; the app opens its own. */
  release(): Promise<void>
  /** Removes the database after the run. */
  destroy(): Promise<void>
}

/** A fresh, migrated database: an embedded directory by default, or a new database on `serverUrl`. */
export async function freshDatabase(root: string, serverUrl?: string): Promise<BenchDatabase> {
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oracle-bench-'))
    const db = await openPglite(dataDir)
    await migrate(db, root)
    return {
      label: 'embedded PGlite',
      db,
      env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' },
      release: () => db.close(),
      destroy: () => rm(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `oracle_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = openPostgres(url.toString(), { max: 4 })
  await migrate(db, root)
  return {
    label: `PostgreSQL (${url.host})`,
    db,
    env: { DATABASE_URL: url.toString() },
    release: () => db.close(),
    async destroy() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
