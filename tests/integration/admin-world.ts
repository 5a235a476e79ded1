import type { Database } from '@/lib/db'
import { actingAs, type Acting } from '@/lib/multi-tenant/access/caller'
import { addMember, createTenant, createUser, makePlatformAdmin } from '../support/auth'

/*
 * The cast of the admin suites: a platform admin, a tenant with one member per role,
 * another tenant with its own admin, and a signed-up user who belongs nowhere.
 */

export type Person = { userId: string; email: string }
export type WorldTenant = { id: string; slug: string; admin: Person; user: Person; viewer: Person }
export type AdminWorld = { platformAdmin: Person; home: WorldTenant; other: WorldTenant; loner: Person }

export const TEST_IP = '203.0.113.7'

/** The person as the services see them: a transaction under their claims, and the test address. */
export function actorOf(db: Database, person: Person): Acting & { claims: { sub: string; email: string } } {
  const claims = { sub: person.userId, email: person.email }
  return { ...actingAs(db, claims, TEST_IP), claims }
}

async function populatedTenant(db: Database, slug: string, name: string): Promise<WorldTenant> {
  const tenant = await createTenant(db, { slug, name })
  const [admin, user, viewer] = await Promise.all(
    (['admin', 'user', 'viewer'] as const).map((role) => createUser(db, { email: `${role}@${slug}.test` })),
  )
  if (!admin || !user || !viewer) throw new Error('users were not created')
  await addMember(db, tenant.id, admin.userId, 'admin')
  await addMember(db, tenant.id, user.userId, 'user')
  await addMember(db, tenant.id, viewer.userId, 'viewer')
  return { ...tenant, admin, user, viewer }
}

export async function buildAdminWorld(db: Database, prefix: string): Promise<AdminWorld> {
  const platformAdmin = await createUser(db, { email: `root@${prefix}.test` })
  await makePlatformAdmin(db, platformAdmin.userId)
  const home = await populatedTenant(db, `${prefix}-home`, 'Home Tenant')
  const other = await populatedTenant(db, `${prefix}-other`, 'Other Tenant')
  const loner = await createUser(db, { email: `loner@${prefix}.test` })
  return { platformAdmin, home, other, loner }
}
