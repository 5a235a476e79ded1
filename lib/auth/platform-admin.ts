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
 * The CLI's work: create an account (local auth only) and make it a platform admin.
 * An account the command did not create is someone's own: it is promoted only when
 * asked for explicitly (`promoteExisting`), only once its email address is verified,
 * and its password is never changed here, so `--password` with it is refused rather
 * than ignored. With Supabase Auth every account is Supabase's: sign up first, then
 * promote it.
 */
export async function ensurePlatformAdmin(
  db: Database,
  input: { email: string; password?: string; promoteExisting?: boolean; authMode: 'local' | 'supabase' },
): Promise<PlatformAdminResult> {
  const parsed = emailSchema.safeParse(input.email)
  if (!parsed.success) throw new PlatformAdminError(`--email: ${input.email} is not an email address.`)
  const email = parsed.data
  const existing = await withService(db, (tx) =>
    tx.query<{ id: string; verified: boolean; admin: boolean }>(
      `select u.id, u.email_confirmed_at is not null as verified,
         exists (select 1 from public.platform_admins p where p.user_id = u.id) as admin
       from auth.users u where lower(u.email) = $1 order by u.created_at limit 1`,
      [email],
    ),
  )
  const found = existing[0]
  if (found) return promoteExisting(db, email, found, input)
  if (input.authMode === 'supabase') {
    throw new PlatformAdminError(`No Supabase account for ${email}: sign up in the app first, then run this again with --promote-existing.`)
  }
  if (!input.password) throw new PlatformAdminError(`No account for ${email} yet: pass --password to create it.`)
  const problem = passwordProblem(input.password, email)
  if (problem) throw new PlatformAdminError(`--password ${problem}.`)
  const hash = await hashPassword(input.password)
  // Created here, so its address counts as verified: the operator typed it in.
  const userId = await withService(db, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now()) returning id`,
      [email, hash],
    )
    const id = String(rows[0]?.id)
    await tx.query('insert into public.platform_admins (user_id) values ($1)', [id])
    return id
  })
  return { userId, email, createdUser: true, alreadyAdmin: false }
}

async function promoteExisting(
  db: Database,
  email: string,
  found: { id: string; verified: boolean; admin: boolean },
  input: { password?: string; promoteExisting?: boolean },
): Promise<PlatformAdminResult> {
  if (input.password !== undefined) {
    throw new PlatformAdminError(
      `${email} already has an account, and this command does not change its password: --password was not applied. ` +
        'Nothing was changed. Leave --password out' +
        (found.admin ? '.' : ' and pass --promote-existing to make that account a platform admin as it is.'),
    )
  }
  if (found.admin) return { userId: found.id, email, createdUser: false, alreadyAdmin: true }
  if (!input.promoteExisting) {
    throw new PlatformAdminError(
      `${email} already has an account that this command did not create, so it was not promoted: whoever registered ` +
        'it controls it. If that is you, run again with --promote-existing.',
    )
  }
  if (!found.verified) {
    throw new PlatformAdminError(`${email} has not verified its email address yet, so it was not promoted.`)
  }
  await withService(db, (tx) => tx.query('insert into public.platform_admins (user_id) values ($1) on conflict do nothing', [found.id]))
  return { userId: found.id, email, createdUser: false, alreadyAdmin: false }
}
