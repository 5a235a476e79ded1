import { describe, expect, it } from 'vitest'
import { isJsonMediaType } from '@/lib/http/route'
import { API_POLICY, contentSecurityPolicy, securityHeaders } from '@/lib/http/security-headers'

const base = { nonce: 'bm9uY2U=', development: false, https: false, connectTo: [] as string[] }
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? ''

describe('content security policy', () => {
  it('lets only scripts with the nonce run, never inline or evaluated code in production', () => {
    const scripts = directive(contentSecurityPolicy(base), 'script-src')
    expect(scripts).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'")
    expect(scripts).not.toContain('unsafe')
  })

  it('allows eval only for the development server', () => {
    expect(directive(contentSecurityPolicy({ ...base, development: true }), 'script-src')).toContain("'unsafe-eval'")
  })

  it('forbids framing, plugins and foreign form targets', () => {
    const policy = contentSecurityPolicy(base)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("form-action 'self'")
    expect(policy).toContain("base-uri 'self'")
  })

  it("names the widget page's allowed origins in frame-ancestors, and 'none' when there are none", () => {
    expect(
      directive(
        contentSecurityPolicy({ ...base, frameAncestors: ['https://shop.example.com', 'http://127.0.0.1:4000'] }),
        'frame-ancestors',
      ),
    ).toBe('frame-ancestors https://shop.example.com http://127.0.0.1:4000')
    expect(directive(contentSecurityPolicy({ ...base, frameAncestors: [] }), 'frame-ancestors')).toBe("frame-ancestors 'none'")
  })

  it('drops X-Frame-Options only for a framable answer', () => {
    expect(securityHeaders(API_POLICY, false)['X-Frame-Options']).toBe('DENY')
    expect(securityHeaders('frame-ancestors https://shop.example.com', false, true)).not.toHaveProperty('X-Frame-Options')
  })

  it('lets the browser call only this origin and the configured auth project', () => {
    expect(directive(contentSecurityPolicy(base), 'connect-src')).toBe("connect-src 'self'")
    expect(directive(contentSecurityPolicy({ ...base, connectTo: ['https://abc.supabase.co'] }), 'connect-src')).toBe(
      "connect-src 'self' https://abc.supabase.co",
    )
  })

  it('upgrades mixed content only on HTTPS', () => {
    expect(contentSecurityPolicy({ ...base, https: true })).toContain('upgrade-insecure-requests')
    expect(contentSecurityPolicy(base)).not.toContain('upgrade-insecure-requests')
  })

  it('gives API answers a policy that loads nothing', () => {
    expect(API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'")
  })
})

describe('JSON media type', () => {
  it.each(['application/json', 'application/json; charset=utf-8', ' Application/JSON ;charset=UTF-8'])('accepts %s', (type) => {
    expect(isJsonMediaType(type)).toBe(true)
  })

  it.each([
    'text/plain; charset=application/json',
    'text/plain',
    'application/jsonp',
    'multipart/form-data; boundary=application/json',
    '',
  ])('refuses %s', (type) => {
    expect(isJsonMediaType(type)).toBe(false)
  })

  it('refuses a missing header', () => {
    expect(isJsonMediaType(null)).toBe(false)
  })
})
