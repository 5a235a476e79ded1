import { describe, expect, it } from 'vitest'
import { normaliseHost, routeForHost, type HostLookup } from '@/lib/multi-tenant/tenants/host-routing'

const PLATFORM = 'oracle.example'

// The directory in miniature: subdomains of the platform and one custom domain.
const tenants: Record<string, string> = {
  'sterling-law.oracle.example': 'sterling-law',
  'luna-wellness.oracle.example': 'luna-wellness',
  'ask.sterlinglaw.com': 'sterling-law',
}
const lookedUp: string[] = []
const lookup: HostLookup = async (hostname) => {
  lookedUp.push(hostname)
  const slug = tenants[hostname]
  return slug ? { slug } : null
}

const route = (host: string | null, pathname = '/') => routeForHost({ host, pathname, platformDomain: PLATFORM }, lookup)

describe('normaliseHost', () => {
  it('lowercases and drops ports and a trailing dot, keeping IPv6 brackets', () => {
    expect(normaliseHost('Sterling-Law.Oracle.Example:3000')).toBe('sterling-law.oracle.example')
    expect(normaliseHost('ask.sterlinglaw.com.')).toBe('ask.sterlinglaw.com')
    expect(normaliseHost('[::1]:3000')).toBe('[::1]')
    expect(normaliseHost(null)).toBe('')
  })
})

describe('the platform host', () => {
  it.each([
    ['oracle.example', '/'],
    ['ORACLE.EXAMPLE:443', '/admin'],
    ['www.oracle.example', '/admin/tenants'],
    ['oracle.example', '/t/luna-wellness/chat'],
    ['oracle.example', '/api/admin/tenants'],
    ['localhost:3000', '/'],
    ['127.0.0.1:3000', '/api/health'],
    ['[::1]:3000', '/'],
    [null, '/'],
  ])('serves %s %s as the platform without a lookup', async (host, pathname) => {
    lookedUp.length = 0
    expect(await route(host, pathname)).toEqual({ kind: 'platform' })
    expect(lookedUp).toEqual([])
  })
})

describe('a tenant subdomain', () => {
  it("rewrites pages to the tenant's /t/<slug> pages", async () => {
    expect(await route('sterling-law.oracle.example', '/')).toEqual({ kind: 'tenant', slug: 'sterling-law', rewriteTo: '/t/sterling-law' })
    expect(await route('sterling-law.oracle.example', '/chat')).toEqual({
      kind: 'tenant',
      slug: 'sterling-law',
      rewriteTo: '/t/sterling-law/chat',
    })
    expect(await route('Luna-Wellness.ORACLE.example:8443', '/dashboard/knowledge')).toEqual({
      kind: 'tenant',
      slug: 'luna-wellness',
      rewriteTo: '/t/luna-wellness/dashboard/knowledge',
    })
  })

  it('passes API calls, framework files and public files through, still naming the tenant', async () => {
    for (const pathname of ['/api/tenant/sterling-law/oracle', '/api/auth/session', '/_next/data/x.json', '/favicon.ico', '/robots.txt']) {
      expect(await route('sterling-law.oracle.example', pathname)).toEqual({ kind: 'tenant', slug: 'sterling-law', rewriteTo: null })
    }
  })

  it("serves its own /t/<slug> links unchanged and never another tenant's", async () => {
    expect(await route('sterling-law.oracle.example', '/t/sterling-law/chat')).toEqual({
      kind: 'tenant',
      slug: 'sterling-law',
      rewriteTo: null,
    })
    expect(await route('sterling-law.oracle.example', '/t/luna-wellness')).toEqual({ kind: 'not_found', api: false })
    expect(await route('sterling-law.oracle.example', '/t/luna-wellness/chat')).toEqual({ kind: 'not_found', api: false })
  })

  it("serves the widget's page at /embed from its own layout, and never another tenant's", async () => {
    expect(await route('sterling-law.oracle.example', '/embed')).toEqual({
      kind: 'tenant',
      slug: 'sterling-law',
      rewriteTo: '/embed/sterling-law',
    })
    expect(await route('sterling-law.oracle.example', '/embed/luna-wellness')).toEqual({ kind: 'not_found', api: false })
  })

  it('hides the platform console', async () => {
    expect(await route('sterling-law.oracle.example', '/admin')).toEqual({ kind: 'not_found', api: false })
    expect(await route('sterling-law.oracle.example', '/admin/tenants/1')).toEqual({ kind: 'not_found', api: false })
    // Not the console: a tenant page whose name merely starts with "admin".
    expect(await route('sterling-law.oracle.example', '/administration')).toEqual({
      kind: 'tenant',
      slug: 'sterling-law',
      rewriteTo: '/t/sterling-law/administration',
    })
  })
})

describe('a custom domain', () => {
  it('serves its tenant exactly like the subdomain does', async () => {
    expect(await route('ask.sterlinglaw.com', '/')).toEqual({ kind: 'tenant', slug: 'sterling-law', rewriteTo: '/t/sterling-law' })
    expect(await route('ASK.SterlingLaw.com:443', '/login')).toEqual({
      kind: 'tenant',
      slug: 'sterling-law',
      rewriteTo: '/t/sterling-law/login',
    })
    expect(await route('ask.sterlinglaw.com', '/admin')).toEqual({ kind: 'not_found', api: false })
  })
})

describe('an unknown host', () => {
  it.each([
    ['nobody.oracle.example', '/'],
    ['deep.sterling-law.oracle.example', '/'],
    ['evil.com', '/admin'],
    ['oracle.example.evil.com', '/'],
    ['sterling-law.oracle.example.evil.com', '/chat'],
  ])('gives %s %s the 404 page', async (host, pathname) => {
    expect(await route(host, pathname)).toEqual({ kind: 'not_found', api: false })
  })

  it('answers API calls with a JSON 404 rather than a page', async () => {
    expect(await route('evil.com', '/api/admin/tenants')).toEqual({ kind: 'not_found', api: true })
  })
})
