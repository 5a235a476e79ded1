import { performance } from 'node:perf_hooks'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { setDatabaseForTests } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { POST as askOracle } from '@/app/api/tenant/[slug]/oracle/route'
import { loginCookie, signedInHeaders, TEST_ORIGIN } from '../tests/support/auth'
import { countingDatabase, type Trips } from '../tests/support/counting-database'
import type { FakeOpenAI } from '../tests/support/fake-openai'
import { freshDatabase, seedBenchWorld } from './oracle-seed'

/*
 * The oracle route called in this process on a database wrapped at the driver level,
 * so every transaction and statement one answer causes is counted: the session lookup,
 * the caller's role, admission, retrieval, settlement.
 */

export type TripReport = {
  newThread: Trips
  followUp: Trips
  normalMs: number
  longRunMs: number
}

/** 8,000 characters (the input limit) without a single space. */
export const LONG_RUN_QUESTION = 'x'.repeat(8_000)

export async function measureTrips(
  root: string,
  fake: FakeOpenAI,
  embedder: EmbeddingProvider,
  env: Record<string, string>,
): Promise<TripReport> {
  const database = await freshDatabase(root)
  const saved = { ...process.env }
  try {
    const [member] = await seedBenchWorld(database.db, embedder, { tenants: 1, membersPerTenant: 1 })
    if (!member) throw new Error('the bench world has no member')
    Object.assign(process.env, env)
    resetConfigForTests()
    const db = countingDatabase(database.db)
    setDatabaseForTests(db)
    const users = await database.db.transaction((tx) =>
      tx.query<{ id: string }>('select id from auth.users where email = $1', [member.email]),
    )
    const cookie = await loginCookie(database.db, users[0]?.id ?? '')
    const ask = async (input: string, conversationId: string | null) => {
      const request = new Request(`${TEST_ORIGIN}/api/tenant/${member.tenantSlug}/oracle`, {
        method: 'POST',
        headers: signedInHeaders(cookie),
        body: JSON.stringify({ input, ...(conversationId ? { conversationId } : {}) }),
      })
      const before = { ...db.trips }
      const started = performance.now()
      const response = await askOracle(request, { params: Promise.resolve({ slug: member.tenantSlug }) })
      const body = (await response.json()) as { conversationId?: string; error?: unknown }
      const ms = performance.now() - started
      if (!response.ok || !body.conversationId) throw new Error(`oracle answered ${response.status}: ${JSON.stringify(body.error)}`)
      const trips = { transactions: db.trips.transactions - before.transactions, statements: db.trips.statements - before.statements }
      return { ms, trips, conversationId: body.conversationId }
    }
    fake.delayMs = 0
    await ask('Warm-up question?', null)
    const first = await ask('When are you open?', null)
    const second = await ask('How do refunds work?', first.conversationId)
    const normal = await ask('What does the team plan cost?', null)
    const longRun = await ask(LONG_RUN_QUESTION, null)
    return { newThread: first.trips, followUp: second.trips, normalMs: normal.ms, longRunMs: longRun.ms }
  } finally {
    setDatabaseForTests(undefined)
    process.env = saved
    resetConfigForTests()
    await database.release()
    await database.destroy()
  }
}
