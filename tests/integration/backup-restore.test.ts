import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withService, withUser, type Claims, type Database } from '@/lib/db'
import { BackupError, backupEmbedded, restoreEmbedded } from '@/lib/db/backup'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'

/*
 * The embedded database on disk, backed up and restored with the real commands: every
 * tenant's search results and conversation history read the same afterwards.
 */

const run = promisify(execFile)
const scratch = mkdtempSync(path.join(tmpdir(), 'oracle-backup-'))
const dataDir = path.join(scratch, 'pglite')
const backupFile = path.join(scratch, 'oracle.backup.tar.gz')
const embedder = new LocalEmbedder()

type Seeded = { tenantId: string; member: Claims; queries: string[] }
let seeded: Seeded[] = []

const TENANTS = [
  {
    slug: 'harbour-clinic',
    documents: [
      { title: 'Opening hours', content: 'The clinic opens at eight and closes at six on weekdays; Saturdays until noon.' },
      { title: 'Vaccinations', content: 'Travel vaccinations need an appointment two weeks before departure.' },
    ],
    queries: ['when does the clinic open on saturday', 'travel vaccination appointment'],
    questions: ['Are you open on Saturday?', 'Do I need an appointment for travel shots?'],
  },
  {
    slug: 'granite-law',
    documents: [
      { title: 'Fees', content: 'A first consultation costs 150 euros and lasts one hour; later hours are billed in quarters.' },
      { title: 'Wills', content: 'A will is drafted within ten working days and signed before two witnesses.' },
    ],
    queries: ['how much is a first consultation', 'witnesses for signing a will'],
    questions: ['What does a consultation cost?'],
  },
]

async function seed(db: Database): Promise<Seeded[]> {
  const result: Seeded[] = []
  for (const tenant of TENANTS) {
    const { id: tenantId } = await createTenant(db, { slug: tenant.slug })
    const admin = await createUser(db, { email: `admin@${tenant.slug}.test` })
    const member = await createUser(db, { email: `member@${tenant.slug}.test` })
    await addMember(db, tenantId, admin.userId, 'admin')
    await addMember(db, tenantId, member.userId, 'user')
    for (const document of tenant.documents) {
      const prepared = await TenantKnowledgeBase.prepare({ ...document, category: 'general', tags: [], elemental_tags: [] }, embedder)
      await withUser(db, { sub: admin.userId }, (tx) => new TenantKnowledgeBase(tenantId, tx, { embedder }).addKnowledge(prepared))
    }
    await withService(db, async (tx) => {
      for (const question of tenant.questions) {
        const [conversation] = await tx.query<{ id: string }>(
          'insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3) returning id',
          [tenantId, member.userId, question],
        )
        await tx.query(
          `insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content, created_at)
           values ($1, $2, $3, 'user', $4, now()), ($1, $2, $3, 'assistant', $5, now() + interval '1 second')`,
          [tenantId, conversation?.id, member.userId, question, `An answer to: ${question}`],
        )
      }
    })
    result.push({ tenantId, member: { sub: member.userId, email: member.email }, queries: tenant.queries })
  }
  return result
}

/** What each tenant's member sees, read under their RLS: search results per query and their whole history. */
async function observe(db: Database): Promise<unknown[]> {
  const seen: unknown[] = []
  for (const { tenantId, member, queries } of seeded) {
    const searches = []
    for (const query of queries) {
      const hits = await withUser(db, member, (tx) =>
        new TenantKnowledgeBase(tenantId, tx, { embedder }).search(query, { matchThreshold: 0 }),
      )
      searches.push(hits.map((hit) => ({ id: hit.id, title: hit.title, snippet: hit.snippet, score: hit.score })))
    }
    const history = await withUser(db, member, (tx) =>
      tx.query(
        `select c.id, c.title, m.id as message_id, m.role, m.content, m.created_at
         from public.tenant_conversations c join public.tenant_messages m on m.conversation_id = c.id
         where c.tenant_id = $1 order by c.created_at, c.id, m.created_at, m.id`,
        [tenantId],
      ),
    )
    seen.push({ tenantId, searches, history })
  }
  return seen
}

const cli = (script: string, args: string[]) =>
  run(path.join('node_modules', '.bin', 'tsx'), [script, ...args], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir },
  }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
  )

let before: unknown[] = []

beforeAll(async () => {
  const db = await openPglite(dataDir)
  try {
    await migrate(db)
    seeded = await seed(db)
    before = await observe(db)
  } finally {
    await db.close()
  }
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('backup and restore of the embedded database', () => {
  it('refuses both while another process holds the database, with the "in use" message', async () => {
    const db = await openPglite(dataDir)
    try {
      const backup = await cli('scripts/backup.ts', ['--out', backupFile])
      expect(backup.code).toBe(1)
      expect(backup.output).toMatch(/in use by another process/)
      const restore = await cli('scripts/restore.ts', ['--in', backupFile, '--force'])
      expect(restore.code).toBe(1)
      expect(restore.output).toMatch(/in use by another process/)
      expect(existsSync(backupFile)).toBe(false)
    } finally {
      await db.close()
    }
  })

  it('round-trips every tenant: backup, wipe, restore, and the same search results and history', async () => {
    const backup = await cli('scripts/backup.ts', ['--out', backupFile])
    expect(backup).toMatchObject({ code: 0 })
    expect(backup.output).toMatch(/^Backed up .* \(\d+ bytes\)\./)
    rmSync(dataDir, { recursive: true, force: true })

    const restore = await cli('scripts/restore.ts', ['--in', backupFile])
    expect(restore).toEqual({ code: 0, output: `Restored ${backupFile} into ${dataDir}.\n` })
    const db = await openPglite(dataDir)
    try {
      const after = await observe(db)
      expect(after).toEqual(before)
      // Real content, not two empty lists that happen to match.
      expect(JSON.stringify(after)).toContain('Opening hours')
      expect(JSON.stringify(after)).toContain('An answer to: What does a consultation cost?')
    } finally {
      await db.close()
    }
  })

  it('never writes over a database without --force, and with it keeps the old one aside', async () => {
    await expect(restoreEmbedded(backupFile, dataDir)).rejects.toThrowError(BackupError)
    await expect(backupEmbedded(dataDir, backupFile)).rejects.toThrowError(/exists already/)
    const { keptAside, migrated } = await restoreEmbedded(backupFile, dataDir, { force: true })
    expect(migrated).toEqual([])
    expect(keptAside && readdirSync(keptAside)).toContain('PG_VERSION')
    const db = await openPglite(dataDir)
    try {
      expect(await observe(db)).toEqual(before)
    } finally {
      await db.close()
    }
  })

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const notABackup = path.join(scratch, 'notes.txt')
    writeFileSync(notABackup, 'not a tarball')
    await expect(restoreEmbedded(notABackup, dataDir, { force: true })).rejects.toThrowError(BackupError)
    const db = await openPglite(dataDir)
    try {
      expect(await observe(db)).toEqual(before)
    } finally {
      await db.close()
    }
  })
})
