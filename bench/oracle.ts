/*
 * Oracle benchmark: the built app (`next start`) on a fresh embedded database, the
 * language model stubbed by a loopback OpenAI-compatible server with a fixed latency,
 * 100 concurrent conversations across 10 tenants, each member signed in through the API.
 * Prints throughput and the platform's own overhead per answer: total time minus the
 * stub latency on the critical path (the query embedding and the classification run in
 * parallel, then the answer: two stub waits). Run: npx tsx bench/oracle.ts
 *
 * Options: --concurrency N (conversations in flight at once, default all 100);
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

const TENANTS = 10
const MEMBERS_PER_TENANT = 2
const CONVERSATIONS = 100
const TURNS = 3
const STUB_LATENCY_MS = 200
const STUB_WAITS_PER_ANSWER = 2
const API_KEY = 'sk-bench'
const CHAT_MODEL = 'bench-chat'
const EMBEDDING_MODEL = 'bench-embedding'
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
    const ok = await fetch(`${base}/api/health`).then((response) => response.ok, () => false)
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
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
  if (!cookie) throw new Error(`login for ${member.email} set no cookie`)
  return cookie
}

type Asker = { slug: string; cookie: string }

async function ask(base: string, asker: Asker, input: string, conversationId: string | null): Promise<{ ms: number; conversationId: string }> {
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

async function main() {
  const { values } = parseArgs({ options: { concurrency: { type: 'string' }, 'database-url': { type: 'string' } } })
  const concurrency = Number(values.concurrency ?? CONVERSATIONS)
  const root = process.cwd()
  ensureBuild(root)
  const fake = await startFakeOpenAI({ replyText: 'Here is what the knowledge base says about that [1].', embeddingDimensions: 64 })
  let database: BenchDatabase | undefined
  let app: ChildProcess | undefined
  try {
    database = await freshDatabase(root, values['database-url'])
    const embedder = new OpenAIEmbedder({ apiKey: API_KEY, baseURL: fake.url, model: EMBEDDING_MODEL })
    console.log(`Seeding ${TENANTS} tenants x ${MEMBERS_PER_TENANT} members (production password hashing)...`)
    const members = await seedBenchWorld(database.db, embedder, { tenants: TENANTS, membersPerTenant: MEMBERS_PER_TENANT })
    await database.release()

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    app = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        ...database.env,
        NODE_ENV: 'production',
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: API_KEY,
        OPENAI_MODEL: CHAT_MODEL,
        OPENAI_EMBEDDING_MODEL: EMBEDDING_MODEL,
      },
    })
    await waitForHealth(base, app)
    const askers: Asker[] = []
    for (const member of members) askers.push({ slug: member.tenantSlug, cookie: await login(base, member) })

    fake.delayMs = STUB_LATENCY_MS
    // Warm-up (not measured): first requests compile routes and open the database.
    await Promise.all(askers.map((asker, i) => ask(base, asker, QUESTIONS[i % QUESTIONS.length] ?? 'Hello?', null)))

    const chatCallsBefore = fake.requestsTo('/v1/chat/completions').length
    const latencies: number[] = []
    const started = performance.now()
    await runPool(CONVERSATIONS, concurrency, (i) => conversation(base, askers[i % askers.length] as Asker, i, latencies))
    const seconds = (performance.now() - started) / 1000
    const chatCalls = fake.requestsTo('/v1/chat/completions').length - chatCallsBefore

    const sorted = [...latencies].sort((a, b) => a - b)
    const stubMs = STUB_LATENCY_MS * STUB_WAITS_PER_ANSWER
    const overhead = sorted.map((ms) => ms - stubMs)
    console.log(`\nOracle benchmark (node ${process.version}, next start, ${database.label})`)
    row('conversations x turns', `${CONVERSATIONS} x ${TURNS} = ${latencies.length} answers, ${TENANTS} tenants`)
    row('conversations in flight', String(Math.min(concurrency, CONVERSATIONS)))
    row('stub latency per model call', `${STUB_LATENCY_MS} ms (${stubMs} ms on each answer's critical path)`)
    row('model calls per answer', `${(chatCalls / latencies.length).toFixed(2)} chat + 1 embedding`)
    row('wall time', `${seconds.toFixed(2)} s`)
    row('throughput', `${(latencies.length / seconds).toFixed(1)} answers/s, ${(CONVERSATIONS / seconds).toFixed(1)} conversations/s`)
    row('answer latency p50 / p95', `${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} ms`)
    row('platform overhead p50 / p95', `${percentile(overhead, 50).toFixed(0)} / ${percentile(overhead, 95).toFixed(0)} ms  (target p95 <= 50 ms)`)
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
