import { afterEach, describe, expect, it } from 'vitest'
import { publicOrigin } from '@/lib/auth/request-host'
import { resetConfigForTests } from '@/lib/env'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  resetConfigForTests()
})

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers })

describe('the origin that links in mail point at', () => {
  it('is the host the request was sent to: platform, tenant subdomain or custom domain, with its port', () => {
    expect(publicOrigin(request('http://internal:3000/api/x', { host: 'acme.oracle.test:8080' }))).toBe('http://acme.oracle.test:8080')
    expect(publicOrigin(request('http://localhost/api/x'))).toBe('http://localhost')
  })

  it("never an IP address someone put in the Host header (it would receive the token): the platform's domain instead", () => {
    process.env.PLATFORM_DOMAIN = 'oracle.example'
    resetConfigForTests()
    expect(publicOrigin(request('http://internal/api/x', { host: '203.0.113.66:3000' }))).toBe('http://oracle.example:3000')
    expect(publicOrigin(request('http://internal/api/x', { host: '[2001:db8::1]' }))).toBe('http://oracle.example')
    expect(publicOrigin(request('http://internal/api/x', { host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000')
  })

  it('follows X-Forwarded-Host and -Proto only behind a trusted proxy', () => {
    const forwarded = { host: 'app:3000', 'x-forwarded-host': 'chat.client.example', 'x-forwarded-proto': 'https' }
    expect(publicOrigin(request('http://app:3000/api/x', forwarded))).toBe('http://app:3000')
    process.env.TRUST_PROXY = 'true'
    resetConfigForTests()
    expect(publicOrigin(request('http://app:3000/api/x', forwarded))).toBe('https://chat.client.example')
  })
})
