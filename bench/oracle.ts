/*
 * Oracle benchmark: the built app (`next start`) on a fresh embedded database, the
 * language model stubbed by a loopback OpenAI-compatible server with a fixed latency,
 * 100 concurrent conversations across 10 tenants, each member signed in through the API.
 * Prints throughput and the platform's own overhead per answer: total time minus the
 * stub latency on the critical path (the query embedding and the classification run in
 * parallel, then the answer: two stub waits). Run: npx tsx bench/oracle.ts
 *
 * First, in this process, one member's answers are counted at the driver (transactions and
 * statements) and an 8,000-character question without spaces is timed beside a normal one.
 *
 * Options: --concurrency N (conversations in flight at once; default two runs, 10 and 100);
 * --database-url postgres://... (a fresh database on that server instead of PGlite).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { startFakeOpenAI } from '../tests/support/fake-openai'
import { freshDatabase, seedBenchWorld, type BenchDatabase, type BenchMember } from './oracle-seed'
import { measureTrips } from './oracle-trips'

const TENANTS = 10
const MEMBERS_PER_TENANT = 2
const CONVERSATIONS = 100
const TURNS = 3
const STUB_LATENCY_MS = 200
const STUB_WAITS_PER_ANSWER = 2
const API_KEY = 'sk-bench'
const CHAT_MODEL = 'bench-chat'
const EMBEDDING_MODEL = 'bench-embedding'
const IN_FLIGHT = [10, 100]
const QUESTIONS = ['When are you open?', 'How do refunds work?', 'How long is a session?', 'What does the team plan cost?']

function ensureBuild(root: string): void {
  if (existsSync(path.join(root, '.next', 'BUILD_ID'))) return
  console.log('No build found: running next build (a few minutes)...')
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('next build failed')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(base: string, app: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (app.exitCode !== null) throw new Error(`next start exited with code ${app.exitCode}`)
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the app did not become healthy within a minute')
}

async function login(base: string, member: BenchMember): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: member.email, password: member.password }),
  })
  if (!response.ok) throw new Error(`login failed for ${member.email}: ${response.status} ${await response.text()}`)
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  if (!cookie) throw new Error(`login for ${member.email} set no cookie`)
  return cookie
}

type Asker = { slug: string; cookie: string }

async function ask(
  base: string,
  asker: Asker,
  input: string,
  conversationId: string | null,
): Promise<{ ms: number; conversationId: string }> {
  const started = performance.now()
  const response = await fetch(`${base}/api/tenant/${asker.slug}/oracle`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: asker.cookie, origin: base },
    body: JSON.stringify({ input, ...(conversationId ? { conversationId } : {}) }),
  })
  const body = (await response.json()) as { conversationId?: string; error?: { code: string; message: string } }
  const ms = performance.now() - started
  if (!response.ok || !body.conversationId) throw new Error(`oracle answered ${response.status}: ${JSON.stringify(body.error)}`)
  return { ms, conversationId: body.conversationId }
}

async function conversation(base: string, asker: Asker, offset: number, latencies: number[]): Promise<void> {
  let conversationId: string | null = null
  for (let turn = 0; turn < TURNS; turn += 1) {
    const result = await ask(base, asker, QUESTIONS[(offset + turn) % QUESTIONS.length] ?? 'Hello?', conversationId)
    conversationId = result.conversationId
    latencies.push(result.ms)
  }
}

/** Runs the conversations with at most `limit` in flight at once. */
async function runPool(count: number, limit: number, run: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const index = next
      next += 1
      await run(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker))
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(36)} ${value}`)

type LoadFigures = { inFlight: number; answers: number; seconds: number; chatCalls: number; latencies: number[] }

/** The conversations with at most `inFlight` at once; the latencies of every answer. */
async function load(base: string, askers: Asker[], fake: { requestsTo(path: string): unknown[] }, inFlight: number): Promise<LoadFigures> {
  const chatCallsBefore = fake.requestsTo('/v1/chat/completions').length
  const latencies: number[] = []
  const started = performance.now()
  await runPool(CONVERSATIONS, inFlight, (i) => conversation(base, askers[i % askers.length] as Asker, i, latencies))
  const seconds = (performance.now() - started) / 1000
  const chatCalls = fake.requestsTo('/v1/chat/completions').length - chatCallsBefore
  return { inFlight: Math.min(inFlight, CONVERSATIONS), answers: latencies.length, seconds, chatCalls, latencies }
}

function printLoad(figures: LoadFigures): void {
  const sorted = [...figures.latencies].sort((a, b) => a - b)
  const overhead = sorted.map((ms) => ms - STUB_LATENCY_MS * STUB_WAITS_PER_ANSWER)
  console.log(`\n  ${figures.inFlight} conversations in flight`)
  row('model calls per answer', `${(figures.chatCalls / figures.answers).toFixed(2)} chat + 1 embedding`)
  row('wall time', `${figures.seconds.toFixed(2)} s`)
  row(
    'throughput',
    `${(figures.answers / figures.seconds).toFixed(1)} answers/s, ${(CONVERSATIONS / figures.seconds).toFixed(1)} conversations/s`,
  )
  row('answer latency p50 / p95', `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} ms`)
  row(
    'platform overhead p50 / p95',
    `${percentile(overhead, 50).toFixed(0)} / ${percentile(overhead, 95).toFixed(0)} ms  (target p95 <= 50 ms)`,
  )
}

async function main() {
  const { values } = parseArgs({ options: { concurrency: { type: 'string' }, 'database-url': { type: 'string' } } })
  const levels = values.concurrency ? [Number(values.concurrency)] : IN_FLIGHT
  const root = process.cwd()
  const fake = await startFakeOpenAI({ replyText: 'Here is what the knowledge base says about that [1].', embeddingDimensions: 64 })
  const aiEnv = { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: API_KEY, OPENAI_MODEL: CHAT_MODEL, OPENAI_EMBEDDING_MODEL: EMBEDDING_MODEL }
  const embedder = new OpenAIEmbedder({ apiKey: API_KEY, baseURL: fake.url, model: EMBEDDING_MODEL })
  let database: BenchDatabase | undefined
  let app: ChildProcess | undefined
  try {
    // In this process first, before the app exists: counted at the driver, model without latency.
    const trips = await measureTrips(root, fake, embedder, aiEnv)

    ensureBuild(root)
    database = await freshDatabase(root, values['database-url'])
    console.log(`Seeding ${TENANTS} tenants x ${MEMBERS_PER_TENANT} members (production password hashing)...`)
    const members = await seedBenchWorld(database.db, embedder, { tenants: TENANTS, membersPerTenant: MEMBERS_PER_TENANT })
    await database.release()

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    app = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...database.env, ...aiEnv, NODE_ENV: 'production' },
    })
    await waitForHealth(base, app)
    const askers: Asker[] = []
    for (const member of members) askers.push({ slug: member.tenantSlug, cookie: await login(base, member) })

    fake.delayMs = STUB_LATENCY_MS
    // Warm-up (not measured): first requests compile routes and open the database.
    await Promise.all(askers.map((asker, i) => ask(base, asker, QUESTIONS[i % QUESTIONS.length] ?? 'Hello?', null)))
    const loads: LoadFigures[] = []
    for (const inFlight of levels) loads.push(await load(base, askers, fake, inFlight))

    console.log(`\nOracle benchmark (node ${process.version}, next start, ${database.label})`)
    row('conversations x turns', `${CONVERSATIONS} x ${TURNS} answers per run, ${TENANTS} tenants`)
    row(
      'stub latency per model call',
      `${STUB_LATENCY_MS} ms (${STUB_LATENCY_MS * STUB_WAITS_PER_ANSWER} ms on each answer's critical path)`,
    )
    row('member, new thread', `${trips.newThread.transactions} transactions, ${trips.newThread.statements} statements`)
    row('member, follow-up in a thread', `${trips.followUp.transactions} transactions, ${trips.followUp.statements} statements`)
    row('normal question (no model latency)', `${trips.normalMs.toFixed(0)} ms`)
    row('8,000 characters without a space', `${trips.longRunMs.toFixed(0)} ms`)
    for (const figures of loads) printLoad(figures)
  } finally {
    app?.kill('SIGTERM')
    await fake.close()
    await database?.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
