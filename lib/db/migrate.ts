import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database, Queryable } from './types'

export type MigrationFile = { version: string; name: string; sql: string }

const migrationName = /^(\d{14})_([a-z0-9_]+)\.sql$/
const localName = /^(\d{5})_([a-z0-9_]+)\.sql$/

async function readMigrationDir(dir: string, pattern: RegExp, prefix: string): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()
  return Promise.all(
    files.map(async (file) => {
      const match = pattern.exec(file)
      if (!match) throw new Error(`Migration file name ${file} in ${dir} does not follow <version>_<topic>.sql`)
      return { version: `${prefix}${match[1]}`, name: match[2] ?? '', sql: await readFile(path.join(dir, file), 'utf8') }
    }),
  )
}

// Supabase CLI's own bookkeeping table, so `supabase db push` and this runner agree
// on what has been applied.
const bookkeeping = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text not null primary key,
    statements text[],
    name text
  );
`

async function isSupabase(tx: Queryable): Promise<boolean> {
  const rows = await tx.query<{ found: boolean }>("select exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') as found")
  return rows[0]?.found === true
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock
 * makes concurrent runners (two app instances starting) apply each file once.
 */
export async function migrate(db: Database, root = process.cwd(), log: (line: string) => void = () => {}): Promise<string[]> {
  const supabaseDir = path.join(root, 'supabase')
  const supabase = await db.transaction(async (tx) => {
    await tx.exec(bookkeeping)
    return isSupabase(tx)
  })
  const files = [
    ...(supabase ? [] : await readMigrationDir(path.join(supabaseDir, 'local'), localName, 'local_')),
    ...(await readMigrationDir(path.join(supabaseDir, 'migrations'), migrationName, '')),
  ]
  const applied: string[] = []
  for (const file of files) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock(hashtextextended('schema_migrations', 0))")
      const done = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [file.version])
      if (done.length > 0) return false
      await tx.exec(file.sql)
      await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [file.version, file.name])
      return true
    })
    if (didApply) {
      applied.push(`${file.version}_${file.name}`)
      log(`applied ${file.version}_${file.name}`)
    }
  }
  return applied
}
