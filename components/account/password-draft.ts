import { passwordProblem } from '@/lib/auth/password-policy'
import type { ApiError } from '@/lib/client/api-error'

export type PasswordDraft = { currentPassword: string; newPassword: string; repeatPassword: string }
export type PasswordField = keyof PasswordDraft
export type PasswordErrors = Partial<Record<PasswordField, string>>

export const EMPTY_PASSWORD_DRAFT: PasswordDraft = { currentPassword: '', newPassword: '', repeatPassword: '' }
export const PASSWORD_FIELDS: PasswordField[] = ['currentPassword', 'newPassword', 'repeatPassword']

/**
 * The API answers with fragments ("is incorrect") for its own checks and with whole
 * sentences when Supabase Auth wrote the message; both become one sentence.
 */
export function fieldSentence(subject: string, message: string): string {
  const text = message.trim().replace(/\.$/, '')
  return /^[A-Z]/.test(text) ? `${text}.` : `${subject} ${text}.`
}

/** The same policy the API applies, checked before sending so most mistakes need no round trip. */
export function checkPasswordDraft(draft: PasswordDraft, email: string): PasswordErrors {
  const errors: PasswordErrors = {}
  if (!draft.currentPassword) errors.currentPassword = 'Enter your current password.'
  const problem = passwordProblem(draft.newPassword, email)
  if (problem) errors.newPassword = fieldSentence('The new password', problem)
  if (draft.repeatPassword !== draft.newPassword) errors.repeatPassword = 'The two new passwords do not match.'
  return errors
}

/** Field messages of a refused change; Supabase Auth names the new password `password`. */
export function passwordErrorsFrom(error: ApiError): PasswordErrors {
  const fields = error.fields
  const errors: PasswordErrors = {}
  if (fields.currentPassword) errors.currentPassword = fieldSentence('The current password', fields.currentPassword)
  const newProblem = fields.newPassword ?? fields.password
  if (newProblem) errors.newPassword = fieldSentence('The new password', newProblem)
  return errors
}

export function firstInvalidField(errors: PasswordErrors): PasswordField | null {
  return PASSWORD_FIELDS.find((field) => errors[field]) ?? null
}
