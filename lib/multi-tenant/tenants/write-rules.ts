import { AppError } from '@/lib/errors'
import type { Queryable } from '@/lib/db'

/** A trial with no end date set gets this many days from the moment it starts. */
export const DEFAULT_TRIAL_DAYS = 14

export function defaultTrialEnd(now = new Date()): Date {
  return new Date(now.getTime() + DEFAULT_TRIAL_DAYS * 24 * 60 * 60 * 1000)
}

/**
 * Tenants answer on `<slug>.<platformDomain>`; a custom domain inside the platform's own
 * namespace would shadow that routing (or the platform console itself).
 */
export function assertDomainOffPlatform(domain: string | null | undefined, platformDomain: string): void {
  if (!domain) return
  const platform = platformDomain.toLowerCase()
  if (domain === platform || domain.endsWith(`.${platform}`)) {
    throw new AppError('bad_request', 'The request is not valid.', {
      details: { fields: { domain: `must not be ${platform} or one of its subdomains; tenants get <slug>.${platform} automatically` } },
    })
  }
}

type PgError = { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown }

/** Turns a unique violation on slug or domain into a 409, an unknown content language into a 400, each naming the field; anything else is rethrown. */
export function rethrowTenantConflict(error: unknown): never {
  const pg = (error ?? {}) as PgError
  if (pg.code === '23505') {
    const where = [pg.constraint, pg.constraint_name, pg.message].filter((part) => typeof part === 'string').join(' ')
    const field = where.includes('domain') ? 'domain' : where.includes('slug') ? 'slug' : undefined
    if (field) {
      throw new AppError('conflict', `Another tenant already uses that ${field}.`, {
        details: { fields: { [field]: 'is already taken' } },
        cause: error,
      })
    }
  }
  if (pg.code === '23514' && [pg.constraint, pg.constraint_name, pg.message].some((part) => String(part).includes('content_language'))) {
    throw new AppError('bad_request', 'The request is not valid.', {
      details: { fields: { contentLanguage: 'is not one of the content languages on offer' } },
      cause: error,
    })
  }
  throw error
}

/**
 * A tenant admin who requires two-factor sign-in of the members must have it: otherwise
 * the change would shut them out of their own tenant (SQL stops counting them as a member).
 */
export async function assertOwnSecondFactor(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ has: boolean }>('select app_private.caller_has_two_factor() as has')
  if (rows[0]?.has !== true) {
    throw new AppError('conflict', 'Turn on your own two-factor sign-in (on your account page) before requiring it of the members.', {
      details: { fields: { requireTwoFactor: 'turn on your own two-factor sign-in first' } },
    })
  }
}
