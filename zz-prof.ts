import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { OpenAIEmbedder } from '@/lib/ai/openai-embedder'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { startFakeOpenAI } from '@/tests/support/fake-openai'
import { seedBenchWorld } from '@/bench/oracle-seed'
import { startSession } from '@/lib/auth/session-store'
import { SESSION_COOKIE } from '@/lib/auth/cookies'
import { resetConfigForTests } from '@/lib/env'
import { setPasswordCostForTests } from '@/lib/auth/password'

setPasswordCostForTests({ N: 1024, r: 8, p: 1 })
const fake = await startFakeOpenAI({ replyText: 'An answer [1].', embeddingDimensions: 64 })
process.env.OPENAI_BASE_URL = fake.url; process.env.OPENAI_API_KEY = 'x'; process.env.OPENAI_EMBEDDING_MODEL = 'bench-embedding'
resetConfigForTests()
const raw = await openPglite()
await migrate(raw)
const stats = new Map<string, { n: number; ms: number }>()
let measuring = false
const note = (k: string, ms: number) => { if (!measuring) return; const e = stats.get(k) ?? { n: 0, ms: 0 }; e.n++; e.ms += ms; stats.set(k, e) }
const db = { ...raw, transaction: <T,>(fn: (tx: any) => Promise<T>) => { const t0 = performance.now(); return raw.transaction((tx) => fn({ exec: (s: string) => tx.exec(s), query: async (sql: string, params?: unknown[]) => { const t = performance.now(); const r = await tx.query(sql, params); note(sql.replace(/\s+/g, ' ').slice(0, 70), performance.now() - t); return r } })).finally(() => note('TX total', performance.now() - t0)) } } as typeof raw
setDatabaseForTests(db)
const members = await seedBenchWorld(db, new OpenAIEmbedder({ apiKey: 'x', baseURL: fake.url, model: 'bench-embedding' }), { tenants: 2, membersPerTenant: 1 })
const m = members[0]!
const userId = (await withService(db, (tx) => tx.query<{ id: string }>('select id from auth.users where email = $1', [m.email])))[0]!.id
const s = await withService(db, (tx) => startSession(tx, { userId, userAgent: 'x', ip: null }))
const cookie = `${SESSION_COOKIE}=${s.token}`
async function ask(conv?: string) {
  const r = await POST(new Request(`http://localhost/api/tenant/${m.tenantSlug}/oracle`, { method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' }, body: JSON.stringify({ input: 'When are you open?', conversationId: conv }) }), { params: Promise.resolve({ slug: m.tenantSlug }) })
  return (await r.json()) as { conversationId: string }
}
let conv = (await ask()).conversationId
for (let i = 0; i < 20; i++) await ask(conv)
const N = 100
measuring = true
const cpu0 = process.cpuUsage(); const t0 = performance.now()
for (let i = 0; i < N; i++) { conv = (i % 3 === 0 ? await ask() : await ask(conv)).conversationId }
const cpu = process.cpuUsage(cpu0); const wall = performance.now() - t0
console.log(`per answer: wall ${(wall / N).toFixed(1)} ms, cpu ${((cpu.user + cpu.system) / 1000 / N).toFixed(1)} ms`)
for (const [k, v] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${(v.ms / N).toFixed(2).padStart(7)} ms/answer ${String(v.n).padStart(5)}x  ${k}`)
await fake.close(); await db.close()
