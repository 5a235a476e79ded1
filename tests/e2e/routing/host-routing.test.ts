import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '@/lib/auth/local/password'
import { withService } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'

/*
 * Sends requests with different Host headers to the built app (`next start`), so the
 * real proxy, the real directory lookup and the real pages decide what is served.
 */

const PLATFORM = 'oracle.test'
const ADMIN = { email: 'root@oracle.test', password: 'routing-e2e-password' }
const root = process.cwd()
const dataDir = mkdtempSync(path.join(tmpdir(), 'routing-e2e-'))
let server: ChildProcess | undefined
let port = 0

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

type Reply = { status: number; body: string; type: string; cookies: string[]; header: (name: string) => string }

function send(
  host: string,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  const headers = { host, ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          type: String(res.headers['content-type'] ?? ''),
          cookies: (res.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0] ?? ''),
          header: (name: string) => String(res.headers[name.toLowerCase()] ?? ''),
        }),
      )
    })
    req.on('error', reject)
    req.end(payload)
  })
}

const get = (host: string, pathname: string) => send(host, pathname)

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`next start exited with ${server.exitCode}`)
    const reply = await get(PLATFORM, '/api/health').catch(() => null)
    if (reply) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('next start did not answer')
}

beforeAll(async () => {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('Build the app first: npm run build')
  // The embedded database belongs to one process: prepare it, close it, then hand it to the server.
  const db = await openPglite(dataDir)
  await migrate(db, root)
  const hash = await hashPassword(ADMIN.password)
  await withService(db, async (tx) => {
    const admin = await tx.query<{ id: string }>(
      'insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now()) returning id',
      [ADMIN.email, hash],
    )
    await tx.query('insert into public.platform_admins (user_id) values ($1)', [admin[0]?.id])
    await tx.query(
      `insert into public.tenants (slug, name, domain, status, privacy_level) values
         ('sterling-law', 'Sterling Routing Firm', 'ask.sterling.example', 'active', 'public'),
         ('luna-wellness', 'Luna Routing Studio', null, 'active', 'public')`,
    )
  })
  await db.close()
  port = await freePort()
  server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PLATFORM_DOMAIN: PLATFORM, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForServer()
})

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(`${dataDir}.lock`, { force: true })
})

describe('routing by Host header on the built app', () => {
  it("serves a tenant subdomain and its custom domain with the tenant's pages", async () => {
    const direct = await get(PLATFORM, '/t/sterling-law')
    expect(direct.status).toBe(200)
    expect(direct.body).toContain('Sterling Routing Firm')
    for (const host of [`sterling-law.${PLATFORM}`, `Sterling-Law.${PLATFORM.toUpperCase()}:${port}`, 'ask.sterling.example']) {
      const reply = await get(host, '/')
      expect(reply.status, host).toBe(200)
      expect(reply.body, host).toContain('Sterling Routing Firm')
    }
  })

  it('passes API calls through on tenant hosts', async () => {
    expect((await get(`luna-wellness.${PLATFORM}`, '/api/health')).status).toBe(200)
  })

  it('answers unknown hosts with a 404 page, and their API calls with JSON', async () => {
    const page = await get('nobody.oracle.test', '/')
    expect(page.status).toBe(404)
    expect(page.type).toContain('text/html')
    expect(page.body).not.toContain('Sterling Routing Firm')
    const api = await get('evil.example', '/api/health')
    expect(api.status).toBe(404)
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'not_found' } })
  })

  it("keeps the platform console off tenant hosts and tenants off each other's hosts", async () => {
    expect((await get(`sterling-law.${PLATFORM}`, '/admin')).status).toBe(404)
    expect((await get('ask.sterling.example', '/admin')).status).toBe(404)
    expect((await get(`sterling-law.${PLATFORM}`, '/t/luna-wellness')).status).toBe(404)
    expect((await get(PLATFORM, '/admin')).status).not.toBe(404)
  })
})

describe('security headers on the built app', () => {
  it('gives each page a fresh CSP nonce that every script Next.js writes carries', async () => {
    const first = await get(`sterling-law.${PLATFORM}`, '/')
    const second = await get(`sterling-law.${PLATFORM}`, '/')
    const nonce = /'nonce-([^']+)'/.exec(first.header('content-security-policy'))?.[1]
    expect(nonce).toBeTruthy()
    expect(second.header('content-security-policy')).not.toContain(`'nonce-${nonce}'`)
    const scripts = [...first.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(first.header('x-frame-options')).toBe('DENY')
    expect(first.header('x-content-type-options')).toBe('nosniff')
  })

  it('answers paths that are not valid percent-encoding with a 4xx: JSON for the API, the not-found page otherwise', async () => {
    const api = await get(PLATFORM, '/api/tenant/%FF/conversations')
    expect(api.status).toBe(400)
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'bad_request' } })
    const page = await get(PLATFORM, '/t/%FF')
    expect(page.status).toBe(404)
  })

  it('keeps private JSON out of shared caches', async () => {
    const tenants = await get(PLATFORM, '/api/admin/tenants')
    expect(tenants.status).toBe(401)
    expect(tenants.header('cache-control')).toBe('no-store')
    expect(tenants.header('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
  })
})

describe('host lookups after a change', () => {
  it("routes a new custom domain at once: the API's invalidation reaches the proxy's cache", async () => {
    expect((await get('chat.sterling.example', '/')).status).toBe(404) // now cached as unknown
    const login = await send(PLATFORM, '/api/auth/login', { method: 'POST', headers: { origin: `http://${PLATFORM}` }, body: ADMIN })
    expect(login.status).toBe(200)
    const cookie = login.cookies.join('; ')
    const list = await send(PLATFORM, '/api/admin/tenants', { headers: { cookie } })
    const tenants = (JSON.parse(list.body) as { tenants: { id: string; slug: string }[] }).tenants
    const sterling = tenants.find((tenant) => tenant.slug === 'sterling-law')
    const update = await send(PLATFORM, `/api/admin/tenants/${sterling?.id}`, {
      method: 'PUT',
      headers: { cookie, origin: `http://${PLATFORM}` },
      body: { domain: 'chat.sterling.example' },
    })
    expect(update.status).toBe(200)
    const moved = await get('chat.sterling.example', '/')
    expect(moved.status).toBe(200)
    expect(moved.body).toContain('Sterling Routing Firm')
    expect((await get('ask.sterling.example', '/')).status).toBe(404)
  })
})
