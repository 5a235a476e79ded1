import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 10
// Beyond this a password is a denial-of-service vector, not extra security.
export const MAX_PASSWORD_LENGTH = 200

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'is too long' })
  .pipe(z.email({ message: 'must be an email address' }))

/** Length >= 10 and not the email (ignoring case and surrounding spaces). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  const normalised = password.trim().toLowerCase()
  const address = email.trim().toLowerCase()
  if (normalised === address || normalised === address.split('@')[0]) return 'must not be your email address'
  return null
}
