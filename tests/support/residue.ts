import { withService, type Database } from '@/lib/db'

/*
 * Where a value still lives: every text, uuid and jsonb column (arrays of them too) of
 * every table in the public and app_private schemas, read as the server. Erasure tests
 * hold it empty for a person's id, email and words.
 */

export type Residue = { table: string; column: string; rows: number }

/** `keep`: per table (schema.table), an SQL condition of rows a documented rule keeps. */
export async function findResidue(db: Database, needles: string[], keep: Record<string, string> = {}): Promise<Residue[]> {
  return withService(db, async (tx) => {
    const columns = await tx.query<{ schema: string; table: string; column: string }>(
      `select c.table_schema as schema, c.table_name as table, c.column_name as column
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema in ('public', 'app_private') and t.table_type = 'BASE TABLE'
          and (c.data_type in ('text', 'uuid', 'jsonb', 'json', 'character varying', 'ARRAY') or c.udt_name = 'citext')
        order by 1, 2, 3`,
    )
    const found: Residue[] = []
    for (const { schema, table, column } of columns) {
      const name = `${schema}.${table}`
      const kept = keep[name] ? ` and not (${keep[name]})` : ''
      const [row] = await tx.query<{ n: number }>(
        `select count(*)::int as n from "${schema}"."${table}" where "${column}"::text ilike any ($1::text[])${kept}`,
        [needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
      )
      if (row && row.n > 0) found.push({ table: name, column, rows: row.n })
    }
    return found
  })
}
