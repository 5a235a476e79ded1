import { createHash } from 'node:crypto'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { padToColumn, toPgVector } from '@/lib/ai/embeddings'
import { withService, type Database } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { SseParser, type SseEvent } from '@/lib/client/sse'
import { addMember, createTenant, createUser, loginCookie, signedInHeaders, TEST_ORIGIN } from '../support/auth'

/*
 * Set-up shared by the oracle suites: members with live sessions, knowledge written
 * straight into the tables (embedded by the same provider the oracle will search with),
 * requests to the real route handlers, and a reader for their event streams.
 */

export type Member = { userId: string; email: string; cookie: string; claims: { sub: string; email: string } }

export async function signedInMember(
  db: Database,
  tenantId: string | null,
  email: string,
  role: 'admin' | 'user' | 'viewer' = 'user',
): Promise<Member> {
  const user = await createUser(db, { email })
  if (tenantId) await addMember(db, tenantId, user.userId, role)
  return { ...user, cookie: await loginCookie(db, user.userId), claims: { sub: user.userId, email: user.email } }
}

export type Doc = { title: string; content: string }

/** One chunk per document, embedded with `embedder` so the oracle's search finds it. */
export async function seedKnowledge(db: Database, tenantId: string, embedder: EmbeddingProvider, docs: Doc[]): Promise<void> {
  const vectors = await embedder.embed(docs.map((doc) => `${doc.title}\n${doc.content}`))
  await withService(db, async (tx) => {
    for (const [index, doc] of docs.entries()) {
      const hash = createHash('sha256').update(doc.content).digest('hex')
      const rows = await tx.query<{ id: string }>(
        `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, chunk_count)
         values ($1, $2, $3, $4, 1) returning id`,
        [tenantId, doc.title, doc.content, hash],
      )
      await tx.query(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, heading, content, embedding, embedding_model)
         values ($1, $2, 0, null, $3, $4::extensions.vector, $5)`,
        [tenantId, rows[0]?.id, doc.content, toPgVector(padToColumn(vectors[index] ?? [])), embedder.model],
      )
    }
  })
}

export async function setTenantColumns(db: Database, tenantId: string, assignments: string, params: unknown[] = []): Promise<void> {
  await withService(db, (tx) => tx.query(`update public.tenants set ${assignments} where id = $1`, [tenantId, ...params]))
  invalidateTenantRoutes()
}

export type LimitSettings = {
  conversationsPerMonth?: number | null
  tokensPerMonth?: number | null
  storageMb?: number | null
  members?: number | null
}

/**
 * A tenant with the given limits. The limits are written with `::text::jsonb`: postgres.js
 * sends a string bound to a bare `$n::jsonb` as a JSON string, not as the object it spells.
 */
export async function createLimitedTenant(
  db: Database,
  input: { slug: string; name?: string; publicAccess?: boolean; planTier?: 'starter' | 'professional' | 'enterprise' },
  limits: LimitSettings,
): Promise<{ id: string; slug: string }> {
  const tenant = await createTenant(db, input)
  await setTenantColumns(db, tenant.id, 'limits = $2::text::jsonb', [JSON.stringify(limits)])
  return tenant
}

export type AskOptions = { cookie?: string; stream?: boolean; headers?: Record<string, string> }

export function oracleRequest(slug: string, body: unknown, options: AskOptions = {}): Request {
  const base = options.cookie ? signedInHeaders(options.cookie) : { 'content-type': 'application/json' }
  return new Request(`${TEST_ORIGIN}/api/tenant/${slug}/oracle`, {
    method: 'POST',
    headers: {
      ...base,
      accept: options.stream ? 'text/event-stream' : 'application/json',
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export function slugParams<T extends Record<string, string>>(params: T): { params: Promise<T> } {
  return { params: Promise.resolve(params) }
}

export type ParsedEvent = { event: string; data: unknown }

/** Reads a whole text/event-stream body with the client's own parser. */
export async function readEvents(response: Response): Promise<ParsedEvent[]> {
  const parser = new SseParser()
  const decoder = new TextDecoder()
  const events: SseEvent[] = []
  const reader = response.body?.getReader()
  if (!reader) throw new Error('the response has no body')
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    events.push(...parser.push(decoder.decode(value, { stream: true })))
  }
  events.push(...parser.push(decoder.decode()))
  return events.map((event) => ({ event: event.event, data: JSON.parse(event.data) as unknown }))
}

const AI_KEYS = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_TIMEOUT_MS', 'OPENAI_MODEL', 'OPENAI_EMBEDDING_MODEL'] as const

/** Points the app's providers at a loopback server (or, with no url, at the offline ones). */
export function useLanguageModel(settings: { url?: string; timeoutMs?: number }): void {
  for (const key of AI_KEYS) delete process.env[key]
  if (settings.url) {
    process.env.OPENAI_BASE_URL = settings.url
    process.env.OPENAI_API_KEY = 'sk-test-oracle'
    process.env.OPENAI_MODEL = 'fake-chat'
    process.env.OPENAI_EMBEDDING_MODEL = 'fake-embedding'
  }
  if (settings.timeoutMs) process.env.OPENAI_TIMEOUT_MS = String(settings.timeoutMs)
  resetConfigForTests()
}

export async function usageRow(db: Database, tenantId: string) {
  const rows = await withService(db, (tx) =>
    tx.query<{ conversations: number; messages: number; tokens_in: number; tokens_out: number; tokens_reserved: number }>(
      `select conversations, messages, tokens_in::int, tokens_out::int, tokens_reserved::int
         from public.tenant_usage where tenant_id = $1 and period = app_private.usage_period()`,
      [tenantId],
    ),
  )
  return rows[0] ?? { conversations: 0, messages: 0, tokens_in: 0, tokens_out: 0, tokens_reserved: 0 }
}

export async function countRows(db: Database, table: 'tenant_conversations' | 'tenant_messages', tenantId: string): Promise<number> {
  const rows = await withService(db, (tx) =>
    tx.query<{ n: number }>(`select count(*)::int as n from public.${table} where tenant_id = $1`, [tenantId]),
  )
  return rows[0]?.n ?? 0
}

/** Polls until `check` holds (work that finishes after a response, such as undoing a cancelled answer). */
export async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the condition never became true')
}
