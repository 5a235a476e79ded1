import type { Queryable } from '@/lib/db'

/*
 * A table's rows as JSON, every column but the ones an export leaves out: vectors and
 * search indexes (derived, and meaningless outside this engine) and raw bytes (originals
 * travel as files of their own). Columns other features add later are exported without
 * a change here.
 */

const LEFT_OUT = ['vector', 'halfvec', 'sparsevec', 'tsvector', 'bytea']

export async function exportableRows(
  tx: Queryable,
  table: string,
  where: string,
  params: unknown[],
  orderBy: string,
): Promise<Record<string, unknown>[]> {
  const columns = await tx.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and udt_name <> all ($2::text[])
      order by ordinal_position`,
    [table, LEFT_OUT],
  )
  if (columns.length === 0) throw new Error(`no exportable columns in ${table}`)
  const pairs = columns.map(({ column_name: name }) => `'${name}', t."${name}"`).join(', ')
  const rows = await tx.query<{ row: Record<string, unknown> }>(
    `select jsonb_build_object(${pairs}) as row from public."${table}" t where ${where} order by ${orderBy}`,
    params,
  )
  return rows.map((row) => row.row)
}
