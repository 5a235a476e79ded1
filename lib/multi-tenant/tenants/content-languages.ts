import { getDatabase, withService } from '@/lib/db'

/**
 * The content languages a tenant may choose, as the database's check allows them: a
 * constant list, no tenant's data, so the system reads it, as the directory reads routes.
 */
export async function listContentLanguages(): Promise<string[]> {
  const db = await getDatabase()
  const [row] = await withService(db, (tx) => tx.query<{ languages: string[] }>('select public.content_languages() as languages'))
  return row?.languages ?? []
}
