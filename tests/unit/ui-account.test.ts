import { describe, expect, it } from 'vitest'
import { confirmationMatches, confirmationPhrase, deleteFailure } from '@/components/account/delete-confirmation'
import { checkPasswordDraft, fieldSentence, firstInvalidField, passwordErrorsFrom } from '@/components/account/password-draft'
import { orderSessions, revokedSentence } from '@/components/account/session-list'
import { describeUserAgent } from '@/components/account/user-agent'
import { ApiError } from '@/lib/client/api-error'
import type { AccountSession } from '@/lib/contracts/auth'

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', 'Chrome on Linux'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      'Safari on macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
      'Chrome on iPad',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      'Samsung Internet on Android',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox on Linux'],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      'Chrome on ChromeOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0',
      'Opera on Windows',
    ],
  ])('names %s', (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected)
  })

  it('names scripts by their product and falls back when nothing is known', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('curl')
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0)')).toBe('Browser on Windows')
    expect(describeUserAgent('Mozilla/5.0')).toBe('Unknown device')
    expect(describeUserAgent('   ')).toBe('Unknown device')
    expect(describeUserAgent(null)).toBe('Unknown device')
  })
})

describe('session list', () => {
  const session = (id: string, lastSeenAt: string, current = false): AccountSession => ({
    id,
    current,
    userAgent: null,
    ip: null,
    site: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSeenAt,
    expiresAt: '2026-02-01T00:00:00.000Z',
  })

  it('puts this device first, then the most recently active', () => {
    const ordered = orderSessions([
      session('old', '2026-01-02T00:00:00.000Z'),
      session('mine', '2026-01-01T00:00:00.000Z', true),
      session('recent', '2026-01-05T00:00:00.000Z'),
    ])
    expect(ordered.map((item) => item.id)).toEqual(['mine', 'recent', 'old'])
  })

  it('says how many sessions were signed out, or that the provider could not count', () => {
    expect(revokedSentence(0)).toBe('No other session was signed in.')
    expect(revokedSentence(1)).toBe('Signed out 1 other session.')
    expect(revokedSentence(3)).toBe('Signed out 3 other sessions.')
    expect(revokedSentence(null)).toBe('Every other session has been signed out.')
  })
})

describe('password change form', () => {
  const email = 'max@aurora-cove.example'
  const valid = { currentPassword: 'old-passphrase', newPassword: 'a-new-passphrase', repeatPassword: 'a-new-passphrase' }

  it('accepts a draft the API would accept', () => {
    expect(checkPasswordDraft(valid, email)).toEqual({})
  })

  it('applies the API’s password policy before sending', () => {
    expect(checkPasswordDraft({ ...valid, newPassword: 'short', repeatPassword: 'short' }, email)).toEqual({
      newPassword: 'The new password must be at least 10 characters.',
    })
    expect(
      checkPasswordDraft({ ...valid, newPassword: ` ${email.toUpperCase()} `, repeatPassword: ` ${email.toUpperCase()} ` }, email),
    ).toEqual({
      newPassword: 'The new password must not be your email address.',
    })
  })

  it('asks for the current password and a matching repeat, focusing the first problem', () => {
    const errors = checkPasswordDraft({ ...valid, currentPassword: '', repeatPassword: 'a-new-passphrasE' }, email)
    expect(errors).toEqual({ currentPassword: 'Enter your current password.', repeatPassword: 'The two new passwords do not match.' })
    expect(firstInvalidField(errors)).toBe('currentPassword')
    expect(firstInvalidField({})).toBeNull()
  })

  it('puts the API’s field messages under their fields', () => {
    const wrongCurrent = new ApiError({
      status: 403,
      code: 'forbidden',
      message: 'The current password is incorrect.',
      details: { fields: { currentPassword: 'is incorrect' } },
    })
    expect(passwordErrorsFrom(wrongCurrent)).toEqual({ currentPassword: 'The current password is incorrect.' })
    const weak = new ApiError({
      status: 400,
      code: 'bad_request',
      message: 'x',
      details: { fields: { newPassword: 'must be at least 10 characters' } },
    })
    expect(passwordErrorsFrom(weak)).toEqual({ newPassword: 'The new password must be at least 10 characters.' })
    // Supabase Auth's own sentence, under its own field name.
    const supabase = new ApiError({
      status: 400,
      code: 'bad_request',
      message: 'x',
      details: { fields: { password: 'Password should contain a digit' } },
    })
    expect(passwordErrorsFrom(supabase)).toEqual({ newPassword: 'Password should contain a digit.' })
    expect(passwordErrorsFrom(new ApiError({ status: 429, code: 'locked', message: 'Too many failed sign-in attempts.' }))).toEqual({})
  })

  it('turns fragments and sentences into one sentence', () => {
    expect(fieldSentence('The current password', 'is required')).toBe('The current password is required.')
    expect(fieldSentence('The new password', 'Password is too weak.')).toBe('Password is too weak.')
  })
})

describe('account deletion', () => {
  it('asks for the email address, ignoring case and surrounding spaces', () => {
    const phrase = confirmationPhrase('Max@Aurora-Cove.example')
    expect(confirmationMatches(' max@aurora-cove.example ', phrase)).toBe(true)
    expect(confirmationMatches('max@aurora-cove', phrase)).toBe(false)
    expect(confirmationMatches('', phrase)).toBe(false)
  })

  it('asks for a fixed phrase when the session carries no email', () => {
    expect(confirmationPhrase('')).toBe('delete my account')
    expect(confirmationMatches('Delete my account', confirmationPhrase(''))).toBe(true)
  })

  it('explains a 409: the account is the last admin of an organisation', () => {
    const conflict = new ApiError({
      status: 409,
      code: 'conflict',
      message: 'You are the last admin of Aurora Cove Hotel: make another member admin first.',
    })
    const failure = deleteFailure(conflict)
    expect(failure.title).toBe('Hand over admin first')
    expect(failure.message).toContain('Aurora Cove Hotel')
    expect(failure.advice).toMatch(/make another member an admin/)
  })

  it('shows any other failure as it came', () => {
    const failure = deleteFailure(new ApiError({ status: 0, code: 'network', message: 'Could not reach the server.' }))
    expect(failure).toEqual({ title: 'Your account was not deleted', message: 'Could not reach the server.', advice: null })
  })
})
