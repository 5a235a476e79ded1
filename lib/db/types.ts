/** One statement's rows. Drivers return plain objects; callers cast counts with ::int. */
export type Row = Record<string, unknown>

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Database {
  readonly kind: 'pglite' | 'postgres'
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** Embedded only: the whole data directory as a tarball (tests start from it; backups are gzipped). */
  snapshot?(compression?: 'none' | 'gzip'): Promise<Blob>
}

/**
 * Verified identity as the database sees it: the shape Supabase puts in
 * request.jwt.claims. `tenant_id` is set by the server for visitors of a public tenant.
 */
export type Claims = {
  sub?: string
  email?: string
  role?: 'authenticated' | 'anon'
  session_id?: string
  tenant_id?: string
  [key: string]: unknown
}
