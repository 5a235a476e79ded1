import type { JwtPayload } from '@supabase/supabase-js'
import type { Claims } from '@/lib/db'

/**
 * Supabase's verified JWT claims as the database sees them (request.jwt.claims): the one
 * mapping, for a request's session and for the session a sign-in just started. null
 * without a subject.
 */
export function claimsFromSupabase(claims: JwtPayload | null | undefined): Claims | null {
  if (!claims?.sub) return null
  return {
    sub: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : '',
    role: 'authenticated',
    session_id: typeof claims.session_id === 'string' ? claims.session_id : undefined,
  }
}
