import type { AuthError } from '@supabase/supabase-js'
import { AppError } from '@/lib/errors'

export const WRONG_CREDENTIALS = 'The email or password is incorrect.'

/** Supabase Auth's answers in this API's terms; its 5xx and network failures are 503. */
export function fromSupabaseError(error: AuthError): AppError {
  const status = error.status ?? 0
  switch (error.code) {
    case 'invalid_credentials':
      return new AppError('unauthorized', WRONG_CREDENTIALS)
    case 'email_not_confirmed':
      return new AppError('email_unverified', 'Verify your email address first: open the link we mailed you, or ask for a new one.')
    case 'user_already_exists':
    case 'email_exists':
      return new AppError('conflict', 'An account with this email already exists. Sign in instead.')
    case 'weak_password':
    case 'same_password':
      return new AppError('bad_request', error.message, { details: { fields: { password: error.message } } })
    case 'session_not_found':
    case 'refresh_token_not_found':
      return new AppError('unauthorized', 'Sign in to continue.')
  }
  if (status === 429) return new AppError('rate_limited', 'Too many attempts. Try again later.', { retryAfterSeconds: 60 })
  if (status === 401 || status === 403) return new AppError('unauthorized', 'Sign in to continue.')
  if (status >= 400 && status < 500) return new AppError('bad_request', error.message)
  return new AppError('unavailable', 'The sign-in service is not reachable. Try again shortly.', { cause: error })
}
