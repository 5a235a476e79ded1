import postgres from 'postgres'
import type { Database, Queryable, Row } from './types'

type Sql = postgres.Sql | postgres.TransactionSql

function wrap(sql: Sql): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])
      return rows as unknown as T[]
    },
    async exec(text: string) {
      await sql.unsafe(text)
    },
  }
}

// Callers pass JSON as text (`JSON.stringify(x)` bound to `$n::jsonb`), as PGlite takes
// it; postgres.js would otherwise stringify that text a second time into a JSON string.
const jsonAsText = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x))
const jsonTypes = {
  jsonbText: { to: 3802, from: [] as number[], serialize: jsonAsText, parse: (x: string) => JSON.parse(x) as unknown },
  jsonText: { to: 114, from: [] as number[], serialize: jsonAsText, parse: (x: string) => JSON.parse(x) as unknown },
}

/**
 * A pooled server connection. `prepare: false` keeps it working behind Supabase's
 * transaction-mode pooler; bigint and numeric stay strings, so SQL casts counts to int.
 */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    prepare: false,
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
    types: jsonTypes,
    connection: { search_path: '"$user", public, extensions', application_name: 'elemental-oracle' },
  })
  return {
    kind: 'postgres',
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as Promise<Awaited<ReturnType<typeof fn>>>,
    close: () => sql.end({ timeout: 5 }),
  }
}
