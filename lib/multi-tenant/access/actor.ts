import type { Claims } from '@/lib/db'

/** Who is acting: verified claims for RLS, and the client IP for the audit trail. */
export type Actor = {
  claims: Claims
  ip: string | null
}
