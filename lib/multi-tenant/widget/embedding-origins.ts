import { getDatabase, withAnon } from '@/lib/db'

/**
 * The origins that may embed a serving tenant (none when it is not serving), for the
 * widget's CORS answers and its page's frame-ancestors: read before anyone is known, as
 * `anon` through the one SQL function that answers it.
 */
export async function embeddingOrigins(tenantId: string): Promise<string[]> {
  const rows = await withAnon(await getDatabase(), {}, (tx) =>
    tx.query<{ origin: string }>('select app_private.widget_origins($1) as origin', [tenantId]),
  )
  return rows.map((row) => row.origin)
}
