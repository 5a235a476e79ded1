import { withService, type Database } from '@/lib/db'

/**
 * Whether platform admins must sign in with two factors (app_private.platform_settings,
 * read by app_private.is_platform_admin). Set by the CLI: `npm run platform-admin --
 * --require-two-factor on|off`. An admin without it keeps their account and sets it up
 * on the account page; until then they are no platform admin to SQL.
 */
export async function setAdminsRequireTwoFactor(db: Database, required: boolean): Promise<void> {
  await withService(db, (tx) =>
    tx.query('update app_private.platform_settings set admins_require_two_factor = $1, updated_at = now()', [required]),
  )
}
