import { withService, type Database } from '@/lib/db'
import { hashPassword } from './local/password'
import { emailSchema, passwordProblem } from './password-policy'

export type PlatformAdminResult = { userId: string; email: string; createdUser: boolean; alreadyAdmin: boolean }

export class PlatformAdminError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformAdminError'
  }
}

/**
 * The CLI's work: make the account behind `email` a platform admin, creating it (local
 * auth only) when it does not exist. With Supabase Auth the account must exist first:
 * accounts are Supabase's, created by signing up.
 */
export async function ensurePlatformAdmin(
  db: Database,
  input: { email: string; password?: string; authMode: 'local' | 'supabase' },
): Promise<PlatformAdminResult> {
  const parsed = emailSchema.safeParse(input.email)
  if (!parsed.success) throw new PlatformAdminError(`--email: ${input.email} is not an email address.`)
  const email = parsed.data
  const existing = await withService(db, (tx) =>
    tx.query<{ id: string }>('select id from auth.users where lower(email) = $1 order by created_at limit 1', [email]),
  )
  let userId = existing[0]?.id
  let createdUser = false
  if (!userId) {
    if (input.authMode === 'supabase') {
      throw new PlatformAdminError(`No Supabase account for ${email}: sign up in the app first, then run this again.`)
    }
    if (!input.password) throw new PlatformAdminError(`No account for ${email} yet: pass --password to create it.`)
    const problem = passwordProblem(input.password, email)
    if (problem) throw new PlatformAdminError(`--password ${problem}.`)
    const hash = await hashPassword(input.password)
    const rows = await withService(db, (tx) =>
      tx.query<{ id: string }>(
        `insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now())
         on conflict (email) do update set email = excluded.email returning id`,
        [email, hash],
      ),
    )
    userId = String(rows[0]?.id)
    createdUser = true
  }
  const inserted = await withService(db, (tx) =>
    tx.query('insert into public.platform_admins (user_id) values ($1) on conflict do nothing returning user_id', [userId]),
  )
  return { userId, email, createdUser, alreadyAdmin: inserted.length === 0 }
}
