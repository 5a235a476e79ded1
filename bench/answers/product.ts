/*
 * The one file of bench:answers that imports product code. Everything the evaluation
 * needs from the product goes through the narrow functions below, so a move of the
 * product's modules means repointing the imports here and nothing else.
 *
 * What is exercised is the real path of each feature, under RLS:
 * - ingest: uploadFiles (what POST /api/admin/tenants/[id]/knowledge calls for multipart
 *   uploads), then the file's job (extraction and chunking in a worker -> embedding ->
 *   store), as the tenant's admin;
 * - search: searchAsMember (what POST /api/tenant/[slug]/knowledge/search calls), as a member;
 * - answers: TenantMAIA.processInteraction, as a member (role user), each step in its own
 *   withUser transaction, exactly as openOracle sets it up for a signed-in member;
 * - the demo: seedDemo (what npm run seed:demo runs).
 * The chat provider and embedder are the ones the environment names; the runner refuses
 * to start with OPENAI_* set, so they are the offline ones.
 */
import { setPasswordCostForTests } from '@/lib/auth/local/password'
import { setDatabaseForTests, withService, withUser, type Claims, type Database } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { actingAs, callerFromSession } from '@/lib/multi-tenant/access'
import { getKnowledgeJob, JobRunner, uploadFiles } from '@/lib/multi-tenant/knowledge'
import { searchAsMember } from '@/lib/multi-tenant/knowledge'
import { knowledgeSearchSchema } from '@/lib/contracts/knowledge'
import { aiProviders } from '@/lib/ai/default-providers'
import { ANSWER_FRAMES } from '@/lib/ai/offline/answer-frames'
import { DEMO_ACCOUNTS, DEMO_TENANTS } from '@/scripts/demo/demo-data'
import { seedDemo } from '@/scripts/demo/demo-seed'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { TenantMAIA } from '@/lib/multi-tenant/TenantMAIA'
import type { Language } from './bm25'

/** The database handle the functions below take; opaque to the rest of the bench. */
export type BenchHandle = Database

export type BenchDb = { close(): Promise<void>; handle: BenchHandle }

/** A person acting in one tenant: verified claims as a session would carry them. */
export type Person = { userId: string; email: string; claims: Claims }

export type BenchTenant = { id: string; slug: string; name: string; admin: Person; member: Person }

export type UploadResult = { filename: string; status: string; knowledgeId: string | null; chunkCount: number; error: string | null }

export type SearchHit = { chunkId: string; knowledgeId: string; title: string; heading: string | null; score: number }

export type StoredChunk = { chunkId: string; knowledgeId: string; title: string; heading: string | null; content: string }

export type Answer = { response: string; sources: { chunkId: string; knowledgeId: string; title: string; score: number }[] }

/** A fresh in-memory PGlite with the real migrations; route-level lookups get this database too. */
export async function openBenchDatabase(): Promise<BenchDb> {
  // The demo seed hashes passwords; production scrypt cost is pointless in a benchmark.
  setPasswordCostForTests({ N: 1024, r: 8, p: 1 })
  const handle = await openPglite()
  await migrate(handle)
  setDatabaseForTests(handle)
  return {
    handle,
    async close() {
      setDatabaseForTests(undefined)
      await handle.close()
    },
  }
}

async function createUser(db: Database, email: string): Promise<Person> {
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string }>('insert into auth.users (email, email_confirmed_at) values ($1, now()) returning id', [email]),
  )
  const userId = String(rows[0]?.id)
  return { userId, email, claims: { sub: userId, email } }
}

/**
 * An active tenant with no usage limits (the bench asks many questions), an admin who
 * uploads and a member (role user) who searches and asks. Set-up only: service role.
 */
export async function createBenchTenant(db: Database, slug: string, name: string): Promise<BenchTenant> {
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string }>(
      `insert into public.tenants (slug, name, status, plan_tier, limits)
       values ($1, $2, 'active', 'enterprise',
               '{"conversationsPerMonth": null, "tokensPerMonth": null, "storageMb": null, "members": null}'::jsonb)
       returning id`,
      [slug, name],
    ),
  )
  const id = String(rows[0]?.id)
  const admin = await createUser(db, `admin@${slug}.bench`)
  const member = await createUser(db, `member@${slug}.bench`)
  await withService(db, async (tx) => {
    await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'admin')", [id, admin.userId])
    await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user')", [id, member.userId])
  })
  return { id, slug, name, admin, member }
}

/** The product's text search configuration for each corpus language. */
export const CONTENT_LANGUAGES: Record<Language, string> = { en: 'english', fr: 'french' }

/** The tenant's content language, set by its admin under RLS as the dashboard would. */
export async function setContentLanguage(db: BenchHandle, tenant: BenchTenant, language: string): Promise<void> {
  await withUser(db, tenant.admin.claims, (tx) =>
    tx.query('update public.tenants set content_language = $2 where id = $1', [tenant.id, language]),
  )
}

/**
 * One file through the upload service, as the tenant admin's browser would send it (base
 * name only), then through its background job (extraction in a worker, embedding, store).
 */
export async function uploadFile(db: Database, tenant: BenchTenant, filename: string, bytes: Uint8Array): Promise<UploadResult> {
  const file = new File([new Uint8Array(bytes)], filename, { type: filename.endsWith('.md') ? 'text/markdown' : 'text/plain' })
  const actor = actingAs(db, tenant.admin.claims)
  const [accepted] = await uploadFiles(actor, tenant.id, { files: [file], fields: { category: null, tags: [], elemental_tags: [] } })
  if (!accepted?.id) {
    const error = accepted?.error ? `${accepted.error.code}: ${accepted.error.message}` : 'refused'
    return { filename, status: 'error', knowledgeId: null, chunkCount: 0, error }
  }
  await new JobRunner({ db }).runUntilIdle()
  const job = await getKnowledgeJob(actor, tenant.id, accepted.id)
  const [stored] = job.documentId
    ? await withService(db, (tx) =>
        tx.query<{ chunk_count: number }>('select chunk_count from public.tenant_knowledge where id = $1', [job.documentId]),
      )
    : []
  return {
    filename,
    status: job.status === 'failed' ? 'error' : job.duplicate ? 'duplicate' : 'created',
    knowledgeId: job.documentId ?? null,
    chunkCount: stored?.chunk_count ?? 0,
    error: job.error ? `${job.error.code}: ${job.error.message}` : null,
  }
}

// The bench's tenants are created active, so they serve.
function routeOf(tenant: BenchTenant): TenantRoute {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    domain: null,
    status: 'active',
    privacyLevel: 'members',
    publicAccess: false,
    trialEndsAt: null,
    serving: true,
    element: 'aether',
  }
}

/** The member as resolveCaller sees them in their own tenant (role user). */
function memberCaller(tenant: BenchTenant) {
  const { member } = tenant
  const session = {
    userId: member.userId,
    email: member.email,
    sessionId: '',
    claims: member.claims,
    isPlatformAdmin: false,
    tenantRole: 'user' as const,
    twoFactorNeeded: null,
  }
  return { ...callerFromSession(session, routeOf(tenant)), tenant: routeOf(tenant) }
}

/** The member knowledge search with the body `{ query, limit }`, parsed as the route parses it (default threshold). */
export async function memberSearch(db: Database, tenant: BenchTenant, query: string, limit: number): Promise<SearchHit[]> {
  const body = knowledgeSearchSchema.parse({ query, limit })
  const results = await searchAsMember(memberCaller(tenant), body)
  return results.map((hit) => ({ chunkId: hit.id, knowledgeId: hit.knowledgeId, title: hit.title, heading: hit.heading, score: hit.score }))
}

/** Every chunk the product stored for the tenant (for the BM25 baseline), read as a system task. */
export async function storedChunks(db: Database, tenantId: string): Promise<StoredChunk[]> {
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string; knowledge_id: string; title: string; heading: string | null; content: string }>(
      `select c.id, c.knowledge_id, k.title, c.heading, c.content
         from public.tenant_knowledge_chunks c join public.tenant_knowledge k on k.id = c.knowledge_id
        where c.tenant_id = $1 order by k.id, c.chunk_index`,
      [tenantId],
    ),
  )
  return rows.map((row) => ({
    chunkId: row.id,
    knowledgeId: row.knowledge_id,
    title: row.title,
    heading: row.heading,
    content: row.content,
  }))
}

/** The oracle's answer to a first message of a new thread, as a signed-in member gets it. */
export async function askOracle(db: Database, tenantId: string, person: Person, question: string): Promise<Answer> {
  const maia = new TenantMAIA(tenantId, (fn) => withUser(db, person.claims, fn), aiProviders())
  const result = await maia.processInteraction(question, person.userId)
  return {
    response: result.response,
    sources: result.knowledgeSources.map((source) => ({
      chunkId: source.id,
      knowledgeId: source.knowledgeId,
      title: source.title,
      score: source.score,
    })),
  }
}

/** Whether the answering side is offline (no language model configured). */
export function answererIsOffline(): boolean {
  return aiProviders().chat.offline
}

// The offline responder's decline, in each language it answers in (lib/ai/offline/answer-frames.ts):
// written when retrieval returned no passage or when no sentence of the passages matched.
const OFFLINE_DECLINES = Object.values(ANSWER_FRAMES).map((frame) => frame.nothingRelevant)

/**
 * "Declined" as a user sees it: no source came back, or the answer is the responder's
 * statement that nothing relevant was found. (With a language model this would also have to
 * recognise the model's own "not covered" wording; the bench runs offline.)
 */
export function isDecline(answer: Answer): boolean {
  return answer.sources.length === 0 || OFFLINE_DECLINES.some((decline) => answer.response.includes(decline))
}

export type DemoTenant = { id: string; slug: string; member: Person }

/** The demo tenants as npm run seed:demo creates them, each with its member account (role user). */
export async function seedDemoTenants(db: Database): Promise<DemoTenant[]> {
  const summary = await seedDemo(db)
  const tenants: DemoTenant[] = []
  for (const seeded of summary.tenants) {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.tenantSlug === seeded.slug && candidate.role === 'user')
    if (!account) throw new Error(`The demo data names no member for ${seeded.slug}.`)
    const rows = await withService(db, (tx) => tx.query<{ id: string }>('select id from auth.users where email = $1', [account.email]))
    const userId = String(rows[0]?.id)
    tenants.push({
      id: seeded.id,
      slug: seeded.slug,
      member: { userId, email: account.email, claims: { sub: userId, email: account.email } },
    })
  }
  return tenants
}

/** The text of each demo tenant's documents, by slug (to check the demo questions' key facts). */
export function demoDocumentTexts(): Map<string, string> {
  return new Map(DEMO_TENANTS.map((demo) => [demo.tenant.slug, demo.documents.map((doc) => `${doc.title}\n${doc.content}`).join('\n\n')]))
}

/** What the product suggests asking: the dashboard preview's default question (components/dashboard/personality-preview.tsx). */
export const PRODUCT_SUGGESTED_QUESTIONS = ['What can you help me with?'] as const
