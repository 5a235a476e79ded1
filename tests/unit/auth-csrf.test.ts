import { describe, expect, it } from 'vitest'
import { assertSameOrigin } from '@/lib/auth/csrf'
import { readCookie, sessionCookie } from '@/lib/auth/cookies'

const request = (method: string, headers: Record<string, string>) => new Request('http://app.example.com/api/anything', { method, headers })

const refused = (r: Request) => {
  try {
    assertSameOrigin(r)
    return false
  } catch (error) {
    return (error as { code?: string }).code === 'csrf'
  }
}

describe('assertSameOrigin', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a cross-origin %s carrying a session cookie', (method) => {
    expect(refused(request(method, { cookie: 'oracle_session=abc', origin: 'https://evil.example' }))).toBe(true)
    expect(refused(request(method, { cookie: 'sb-proj-auth-token.0=abc', origin: 'https://evil.example' }))).toBe(true)
  })

  it('lets reads through whatever their origin', () => {
    expect(refused(request('GET', { cookie: 'oracle_session=abc', origin: 'https://evil.example' }))).toBe(false)
  })

  it('does not apply to requests without a session cookie', () => {
    expect(refused(request('POST', { cookie: 'theme=dark', origin: 'https://evil.example' }))).toBe(false)
    expect(refused(request('POST', {}))).toBe(false)
  })
})

describe('session cookie helpers', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; oracle_session=tok%2Den; b=2', 'oracle_session')).toBe('tok-en')
    expect(readCookie('a=1', 'oracle_session')).toBeNull()
    expect(readCookie(null, 'oracle_session')).toBeNull()
  })

  it('writes an httpOnly SameSite=Lax cookie whose Max-Age matches the expiry', () => {
    const now = new Date('2026-11-23T00:00:00Z')
    const cookie = sessionCookie('tok', new Date('2026-11-24T00:00:00Z'), true, now)
    expect(cookie).toBe('oracle_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400; Expires=Tue, 24 Nov 2026 00:00:00 GMT; Secure')
  })
})
