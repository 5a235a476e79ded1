/*
 * Login flood: how long one real sign-in takes while 40 bogus sign-ins arrive at once.
 * Calls the real POST /api/auth/login handler on a fresh in-memory database with the
 * production scrypt cost (128 MiB, ~0.4 s per hash), in three situations:
 *   alone     - the real sign-in with nothing else going on;
 *   no proxy  - no trusted client IP (every request is of unknown source), 40 bogus
 *               sign-ins for random addresses, the real one 50 ms later;
 *   one IP    - TRUST_PROXY=true, the flood from 203.0.113.66, the owner from 198.51.100.7;
 *   lockout   - TRUST_PROXY=true, 40 wrong passwords for the owner's own address from
 *               203.0.113.66, then the owner from 198.51.100.7.
 * The owner retries as the UI invites them to (after Retry-After) until signed in or 30 s.
 * Prints the owner's time to a session and what the bogus requests got.
 * Run: npx tsx bench/login-flood.ts
 */
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { hashPassword } from '@/lib/auth/local/password'
import { setDatabaseForTests, withService } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { resetConfigForTests } from '@/lib/env'

const FLOOD = 40
const OWNER = { email: 'owner@bench.example', password: 'the owner passphrase' }
const ORIGIN = 'http://localhost'

function login(body: { email: string; password: string }, ip?: string): Promise<Response> {
  const headers: Record<string, string> = { origin: ORIGIN, 'content-type': 'application/json' }
  if (ip) headers['x-forwarded-for'] = ip
  const request = new Request(`${ORIGIN}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify(body) })
  return loginRoute(request, { params: Promise.resolve({}) } as never)
}

async function ownerSignsIn(ip?: string): Promise<{ ms: number; tries: number; statuses: number[] }> {
  const started = performance.now()
  const statuses: number[] = []
  while (performance.now() - started < 30_000) {
    const response = await login(OWNER, ip)
    statuses.push(response.status)
    if (response.status === 200) break
    await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000)
  }
  return { ms: performance.now() - started, tries: statuses.length, statuses }
}

function tally(statuses: number[]): string {
  const counts = new Map<number, number>()
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n}x${status}`)
    .join(' ')
}

async function scenario(label: string, flood: (i: number) => Promise<Response>, ownerIp: string | undefined): Promise<void> {
  const floodStarted = performance.now()
  const bogus = Array.from({ length: FLOOD }, (_, i) =>
    flood(i).then((response) => ({ status: response.status, ms: performance.now() - floodStarted })),
  )
  await sleep(50)
  const owner = await ownerSignsIn(ownerIp)
  const results = await Promise.all(bogus)
  const slowest = Math.max(...results.map((result) => result.ms))
  console.log(
    `${label.padEnd(9)} owner signed in after ${(owner.ms / 1000).toFixed(2)} s (${owner.tries} tr${owner.tries === 1 ? 'y' : 'ies'}: ${owner.statuses.join(',')}); ` +
      `bogus: ${tally(results.map((result) => result.status))}, last answered after ${(slowest / 1000).toFixed(2)} s`,
  )
}

async function main(): Promise<void> {
  const db = await openPglite(undefined)
  await migrate(db)
  setDatabaseForTests(db)
  const hash = await hashPassword(OWNER.password)
  await withService(db, (tx) =>
    tx.query('insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now())', [OWNER.email, hash]),
  )
  const clearFailures = () => withService(db, (tx) => tx.query('delete from auth.login_failures'))

  const alone = await ownerSignsIn()
  console.log(`alone     owner signed in after ${(alone.ms / 1000).toFixed(2)} s`)

  process.env.TRUST_PROXY = 'false'
  resetConfigForTests()
  await scenario('no proxy', (i) => login({ email: `bogus-${i}@bench.example`, password: 'a wrong guess' }), undefined)
  await clearFailures()

  process.env.TRUST_PROXY = 'true'
  resetConfigForTests()
  await scenario('one IP', (i) => login({ email: `bogus-${i}@bench.example`, password: 'a wrong guess' }, '203.0.113.66'), '198.51.100.7')
  await clearFailures()
  await scenario('lockout', (i) => login({ email: OWNER.email, password: `wrong guess ${i}` }, '203.0.113.66'), '198.51.100.7')
  await db.close()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
