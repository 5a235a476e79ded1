import { hashPassword, verifyPassword } from '@/lib/auth/local/password'
import { withService, withUser, type Database } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { DEMO_ACCOUNTS, DEMO_TENANTS, type DemoAccount } from './demo-data'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { tenantCreateSchema, tenantUpdateSchema } from '@/lib/contracts/tenants'
import { createTenant, updateTenant } from '@/lib/multi-tenant/tenants'

export type SeededTenant = { slug: string; id: string; created: boolean; documentsAdded: number }
export type SeedSummary = { tenants: SeededTenant[]; accounts: DemoAccount[] }

type Log = (line: string) => void

/** Creates the account, or resets its password to the demo one; returns the user id. */
async function ensureAccount(db: Database, account: DemoAccount): Promise<string> {
  const existing = await withService(db, (tx) =>
    tx.query<{ id: string; encrypted_password: string | null }>('select id, encrypted_password from auth.users where email = $1', [
      account.email,
    ]),
  )
  const found = existing[0]
  if (found && (await verifyPassword(account.password, found.encrypted_password))) return String(found.id)
  // Hashing is slow on purpose: do it outside any transaction.
  const hash = await hashPassword(account.password)
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string }>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now())
       on conflict (email) do update set encrypted_password = excluded.encrypted_password, updated_at = now()
       returning id`,
      [account.email, hash],
    ),
  )
  return String(rows[0]?.id)
}

async function tenantIdBySlug(db: Database, slug: string): Promise<string | null> {
  const rows = await withService(db, (tx) => tx.query<{ id: string }>('select id from public.tenants where slug = $1', [slug]))
  return rows[0]?.id ?? null
}

async function knowledgeTitles(db: Database, tenantId: string): Promise<Set<string>> {
  const rows = await withService(db, (tx) =>
    tx.query<{ title: string }>('select title from public.tenant_knowledge where tenant_id = $1', [tenantId]),
  )
  return new Set(rows.map((row) => row.title))
}

/**
 * Upserts the demo tenants by slug through the same services the API uses (so plan
 * defaults, validation and audit rows are the real ones), their accounts and their
 * knowledge (through TenantKnowledgeBase, so chunks and embeddings exist). Running it
 * again changes nothing that is already in place.
 */
export async function seedDemo(db: Database, log: Log = () => {}): Promise<SeedSummary> {
  const accountIds = new Map<string, string>()
  for (const account of DEMO_ACCOUNTS) accountIds.set(account.email, await ensureAccount(db, account))
  const rootAccount = DEMO_ACCOUNTS.find((account) => account.platformAdmin)
  const rootId = rootAccount ? accountIds.get(rootAccount.email) : undefined
  if (!rootAccount || !rootId) throw new Error('The demo data names no platform admin.')
  await withService(db, (tx) => tx.query('insert into public.platform_admins (user_id) values ($1) on conflict do nothing', [rootId]))
  const platform = actingAs(db, { sub: rootId, email: rootAccount.email })

  const tenants: SeededTenant[] = []
  for (const demo of DEMO_TENANTS) {
    const existingId = await tenantIdBySlug(db, demo.tenant.slug)
    const id = existingId
      ? (await updateTenant(platform, existingId, tenantUpdateSchema.parse(demo.tenant))).id
      : (await createTenant(platform, tenantCreateSchema.parse(demo.tenant))).id
    log(`${existingId ? 'kept' : 'created'} tenant ${demo.tenant.slug}`)

    const members = DEMO_ACCOUNTS.filter((account) => account.tenantSlug === demo.tenant.slug)
    await withService(db, async (tx) => {
      for (const member of members) {
        await tx.query(
          `insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, $3)
           on conflict (tenant_id, user_id) do update set role = excluded.role`,
          [id, accountIds.get(member.email), member.role],
        )
      }
    })

    const admin = members.find((member) => member.role === 'admin')
    const adminClaims = admin ? { sub: accountIds.get(admin.email), email: admin.email } : { sub: rootId, email: rootAccount.email }
    const present = await knowledgeTitles(db, id)
    let documentsAdded = 0
    for (const document of demo.documents) {
      if (present.has(document.title)) continue
      const prepared = await TenantKnowledgeBase.prepare({ ...document, sourceType: 'markdown' })
      await withUser(db, adminClaims, (tx) => new TenantKnowledgeBase(id, tx).addKnowledge(prepared))
      documentsAdded += 1
    }
    if (documentsAdded > 0) log(`added ${documentsAdded} knowledge document(s) to ${demo.tenant.slug}`)
    tenants.push({ slug: demo.tenant.slug, id, created: !existingId, documentsAdded })
  }
  return { tenants, accounts: DEMO_ACCOUNTS }
}
