import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { resetConfigForTests } from '@/lib/env'

// The directory reads the database; here it knows two tenants by host.
vi.mock('@/lib/multi-tenant/tenants/directory', () => ({
  resolveTenantByHost: async (host: string) =>
    ({ 'sterling-law.oracle.test': { slug: 'sterling-law' }, 'ask.sterlinglaw.com': { slug: 'sterling-law' } })[host] ?? null,
  resolveTenantBySlug: async (slug: string) => (slug === 'sterling-law' ? { id: 'sterling-law-id', slug } : null),
}))
// The widget's allowed origins, as the database would answer them for that tenant.
vi.mock('@/lib/multi-tenant/widget/embedding-origins', () => ({
  embeddingOrigins: async (tenantId: string) =>
    tenantId === 'sterling-law-id' ? ['https://shop.example.com', 'http://127.0.0.1:4000'] : [],
}))

const { proxy } = await import('@/proxy')

beforeAll(() => {
  process.env.PLATFORM_DOMAIN = 'oracle.test'
  resetConfigForTests()
})
afterAll(() => {
  delete process.env.PLATFORM_DOMAIN
  resetConfigForTests()
})

function request(url: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(url, { headers: { host: new URL(url).host, ...headers } })
}

// NextResponse.next/rewrite encode the headers handed to the app as x-middleware-request-*.
const forwardedSlug = (response: Response) => response.headers.get('x-middleware-request-x-tenant-slug')
const rewrite = (response: Response) => {
  const target = response.headers.get('x-middleware-rewrite')
  return target ? new URL(target).pathname + new URL(target).search : null
}

describe('proxy', () => {
  it('rewrites a tenant subdomain to its pages and tells the app which tenant it resolved', async () => {
    const response = await proxy(request('http://sterling-law.oracle.test:3000/chat?q=1'))
    expect(rewrite(response)).toBe('/t/sterling-law/chat?q=1')
    expect(forwardedSlug(response)).toBe('sterling-law')
  })

  it('replaces a client-sent x-tenant-slug with the resolved one on tenant hosts', async () => {
    const response = await proxy(request('http://ask.sterlinglaw.com/api/tenant/sterling-law/oracle', { 'x-tenant-slug': 'luna-wellness' }))
    expect(rewrite(response)).toBeNull()
    expect(forwardedSlug(response)).toBe('sterling-law')
  })

  it('drops a client-sent x-tenant-slug on the platform host', async () => {
    const response = await proxy(request('http://oracle.test/api/admin/tenants', { 'x-tenant-slug': 'luna-wellness' }))
    expect(rewrite(response)).toBeNull()
    expect(response.headers.get('x-middleware-override-headers')).not.toContain('x-tenant-slug')
    expect(forwardedSlug(response)).toBeNull()
  })

  it('sends unknown hosts and the console on a tenant host to the not-found route', async () => {
    expect(rewrite(await proxy(request('http://unknown.example/')))).toBe('/_unknown-host')
    expect(rewrite(await proxy(request('http://sterling-law.oracle.test/admin')))).toBe('/_unknown-host')
  })

  it('answers API calls to unknown hosts with the JSON 404', async () => {
    const response = await proxy(request('http://unknown.example/api/health'))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Nothing is served at this address.' } })
  })

  it('sends every page a CSP with a fresh nonce, and hands the same nonce and policy to the app', async () => {
    const first = await proxy(request('http://oracle.test/account'))
    const second = await proxy(request('http://oracle.test/account'))
    const policy = first.headers.get('content-security-policy') ?? ''
    const nonce = first.headers.get('x-middleware-request-x-nonce')
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(policy).toContain(`'nonce-${nonce}'`)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
    expect(second.headers.get('x-middleware-request-x-nonce')).not.toBe(nonce)
  })

  it('drops a client-sent nonce', async () => {
    const response = await proxy(request('http://oracle.test/api/health', { 'x-nonce': 'chosen-by-client' }))
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull()
  })

  it.each([
    ['a platform page', 'http://oracle.test/'],
    ['a tenant page', 'http://sterling-law.oracle.test/chat'],
    ['an API call', 'http://oracle.test/api/admin/tenants'],
    ['the not-found page of an unknown host', 'http://unknown.example/'],
    ['the JSON 404 of an unknown host', 'http://unknown.example/api/health'],
  ])('sends the framing, sniffing and referrer headers on %s', async (_label, url) => {
    const response = await proxy(request(url))
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it("lets the widget's page be framed by its tenant's allowed origins only, on the tenant's host and the platform's", async () => {
    for (const url of [
      'http://sterling-law.oracle.test/embed?origin=https%3A%2F%2Fshop.example.com',
      'http://oracle.test/embed/sterling-law',
    ]) {
      const response = await proxy(request(url))
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy.split('; ')).toContain('frame-ancestors https://shop.example.com http://127.0.0.1:4000')
      expect(response.headers.get('x-frame-options')).toBeNull()
      expect(policy).toContain(`'nonce-${response.headers.get('x-middleware-request-x-nonce')}'`)
    }
    expect(rewrite(await proxy(request('http://sterling-law.oracle.test/embed')))).toBe('/embed/sterling-law')
  })

  it('keeps a widget page of a tenant without allowed origins, and every other page, unframable', async () => {
    const none = await proxy(request('http://oracle.test/embed/luna-wellness'))
    expect(none.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(none.headers.get('x-frame-options')).toBe('DENY')
    const page = await proxy(request('http://sterling-law.oracle.test/embed-not'))
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('serves widget.js like an API answer: a policy that loads nothing, no nonce and no visitor cookie', async () => {
    const response = await proxy(request('http://oracle.test/widget.js'))
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull()
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('asks for HTTPS only on requests that came over HTTPS', async () => {
    expect((await proxy(request('https://oracle.test/'))).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
    expect((await proxy(request('http://oracle.test/'))).headers.get('strict-transport-security')).toBeNull()
  })

  it('answers an API path that is not valid percent-encoded UTF-8 with the JSON 400, and such a page with the not-found page', async () => {
    const api = await proxy(request('http://oracle.test/api/tenant/%FF/conversations'))
    expect(api.status).toBe(400)
    expect(await api.json()).toMatchObject({ error: { code: 'bad_request' } })
    expect(rewrite(await proxy(request('http://oracle.test/t/%FF')))).toBe('/_unknown-host')
  })

  it('gives a browser a random visitor id on its first page, and never on API calls or when it has one', async () => {
    const first = await proxy(request('http://sterling-law.oracle.test/'))
    const issued = first.cookies.get('oracle_visitor')
    expect(issued?.value).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(issued?.httpOnly).toBe(true)
    const again = await proxy(request('http://sterling-law.oracle.test/', { cookie: `oracle_visitor=${issued?.value}` }))
    expect(again.cookies.get('oracle_visitor')).toBeUndefined()
    expect((await proxy(request('http://oracle.test/api/health'))).cookies.get('oracle_visitor')).toBeUndefined()
  })
})
