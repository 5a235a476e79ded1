import { AppError } from '@/lib/errors'
import { passwordProblem } from './password-policy'

/** The policy for a new password of a signed-in user, whose email comes from the session. */
export function assertPasswordAllowed(password: string, email: string): void {
  const problem = passwordProblem(password, email)
  if (problem) {
    throw new AppError('bad_request', `The new password ${problem}.`, { details: { fields: { newPassword: problem } } })
  }
}
