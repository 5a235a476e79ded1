import { ApiError, errorMessage } from '@/lib/client/api-error'

/** Supabase sessions may carry no email; then a fixed phrase is typed instead. */
export function confirmationPhrase(email: string): string {
  return email.trim() || 'delete my account'
}

export function confirmationMatches(typed: string, phrase: string): boolean {
  return typed.trim().toLowerCase() === phrase.trim().toLowerCase()
}

export type DeleteFailure = { title: string; message: string; advice: string | null }

/** A 409 means the account still runs an organisation: the API names it, we say what to do. */
export function deleteFailure(error: unknown): DeleteFailure {
  if (error instanceof ApiError && error.status === 409) {
    return {
      title: 'Hand over admin first',
      message: error.message,
      advice:
        'An organisation must always keep an admin. In its dashboard, open Members and make another member an admin (invite someone first if needed), then delete your account.',
    }
  }
  return { title: 'Your account was not deleted', message: errorMessage(error), advice: null }
}
