import { z } from 'zod'

/*
 * The identifier shapes of the API, defined once. The slug rule is the SQL check on
 * public.tenants.slug (a test holds the two to the same samples); the schema repeats it
 * so a bad slug is a 400 naming the field instead of a constraint error.
 */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const uuidSchema = z.string().regex(UUID_PATTERN, { message: 'must be a UUID' })

/** Cheap guard before a lookup: a malformed id can name no row. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value)
}

export const slugShapeSchema = z
  .string()
  .min(3, { message: 'must be at least 3 characters' })
  .max(48, { message: 'must be at most 48 characters' })
  .regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, {
    message: 'may contain only lowercase letters, digits and hyphens, and must start and end with a letter or digit',
  })

export function isSlugShape(value: string): boolean {
  return slugShapeSchema.safeParse(value).success
}
