import { afterEach, describe, expect, it } from 'vitest'
import { resetConfigForTests } from '@/lib/env'
import { clientIp, forwardedHost } from '@/lib/http/forwarded'

const TRUST_KEYS = ['TRUST_PROXY', 'TRUSTED_PROXY_HOPS', 'TRUSTED_PROXIES'] as const

function trusting(env: Partial<Record<(typeof TRUST_KEYS)[number], string>>): void {
  for (const key of TRUST_KEYS) delete process.env[key]
  Object.assign(process.env, env)
  resetConfigForTests()
}

const request = (forwardedFor: string, extra: Record<string, string> = {}) =>
  new Request('http://platform.test/api/auth/login', { headers: { 'x-forwarded-for': forwardedFor, ...extra } })

afterEach(() => trusting({}))

describe('clientIp takes the hop our own proxies added, never what the client wrote', () => {
  it('with one trusted hop (TRUST_PROXY=true), rotating the left-most entries does not change the client', () => {
    trusting({ TRUST_PROXY: 'true' })
    const seen = new Set(['1.1.1.1', '2.2.2.2', '3.3.3.3'].map((spoofed) => clientIp(request(`${spoofed}, 203.0.113.7`))))
    expect([...seen]).toEqual(['203.0.113.7'])
  })

  it('with TRUSTED_PROXY_HOPS=2, takes the second entry from the right', () => {
    trusting({ TRUSTED_PROXY_HOPS: '2' })
    expect(clientIp(request('9.9.9.9, 203.0.113.7, 10.0.0.2'))).toBe('203.0.113.7')
    expect(clientIp(request('10.0.0.2'))).toBeNull()
  })

  it('with TRUSTED_PROXIES, skips our proxies from the right and takes the first address that is not one', () => {
    trusting({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1' })
    expect(clientIp(request('9.9.9.9, 203.0.113.7, 192.0.2.1, 10.1.2.3'))).toBe('203.0.113.7')
    expect(clientIp(request('not-an-ip, 10.1.2.3'))).toBeNull()
  })

  it('without any trusted proxy, X-Forwarded-For and X-Forwarded-Host are ignored', () => {
    trusting({})
    expect(clientIp(request('203.0.113.7'))).toBeNull()
    expect(forwardedHost(request('203.0.113.7', { host: 'platform.test', 'x-forwarded-host': 'evil.test' }).headers)).toBe('platform.test')
  })

  it('behind a trusted proxy, the host is the proxy-set X-Forwarded-Host (its right-most value)', () => {
    trusting({ TRUST_PROXY: 'true' })
    const headers = request('203.0.113.7', { host: 'internal:3000', 'x-forwarded-host': 'spoofed.test, tenant.example' }).headers
    expect(forwardedHost(headers)).toBe('tenant.example')
  })
})
