import type { Session } from '@/lib/auth'
import { withAnon, withUser, type Database } from '@/lib/db'
import { AppError, isAppError } from '@/lib/errors'
import { aiProviders, type AiProviders } from '@/lib/ai/default-providers'
import { tenantInactive, type VoiceDraft } from './profile'
import type { OracleResult } from './types'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access/tenant-access'
import { resolveTenantBySlug, type TenantRoute } from '@/lib/multi-tenant/tenants/directory'
import { TenantMAIA, type TransactionScope } from '@/lib/multi-tenant/TenantMAIA'
import { hitVisitorRateLimit } from './visitor-rate-limit'

/** The tenant of a `/api/tenant/[slug]/...` path; 404 when unknown. */
export async function requireTenant(slug: string): Promise<TenantRoute> {
  const tenant = await resolveTenantBySlug(slug)
  if (!tenant) throw new AppError('not_found', 'No such tenant.')
  return tenant
}

/** As requireTenant, and 403 tenant_inactive when the tenant is suspended, cancelled or past its trial. */
export async function requireServingTenant(slug: string): Promise<TenantRoute> {
  const tenant = await requireTenant(slug)
  if (!tenant.serving) throw tenantInactive(tenant.status)
  return tenant
}

export type OracleCaller = { maia: TenantMAIA; userId: string | null }

function userScope(db: Database, session: Session): TransactionScope {
  return (fn) => withUser(db, session.claims, fn)
}

function visitorScope(db: Database, tenantId: string): TransactionScope {
  return (fn) => withAnon(db, { tenant_id: tenantId }, fn)
}

/**
 * Who asks decides how: a member (role user or admin) keeps a history under their own
 * RLS; anyone else, signed in or not, is a visitor when the tenant is public (no history,
 * a per-address rate limit) and is refused when it is not (401 without a session, 403 with).
 */
export async function openOracle(
  db: Database,
  tenant: TenantRoute,
  session: Session | null,
  ip: string | null,
  providers: AiProviders = aiProviders(),
): Promise<OracleCaller> {
  if (session) {
    const maia = new TenantMAIA(tenant.id, userScope(db, session), providers)
    const profile = await maia.initialize().catch((error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') return null
      throw error
    })
    if (profile?.canChat) return { maia, userId: session.userId }
    if (!tenant.publicAccess) {
      throw new AppError('forbidden', "Only this organisation's members with the user or admin role can ask its assistant.")
    }
  } else if (!tenant.publicAccess) {
    throw new AppError('unauthorized', 'Sign in to ask this assistant.')
  }
  const scope = visitorScope(db, tenant.id)
  const refusal = await scope((tx) => hitVisitorRateLimit(tx, tenant.id, ip))
  if (refusal) throw refusal
  const maia = new TenantMAIA(tenant.id, scope, providers)
  await maia.initialize()
  return { maia, userId: null }
}

/**
 * One answer in an unsaved voice, for the dashboard's live preview: tenant admins and
 * platform admins only; nothing is stored and no usage is counted.
 */
export async function previewAnswer(
  db: Database,
  tenant: TenantRoute,
  session: Session,
  input: { input: string; draft: VoiceDraft },
  providers: AiProviders = aiProviders(),
): Promise<OracleResult> {
  const scope = userScope(db, session)
  await scope((tx) => loadTenantForAdmin(tx, tenant.id))
  const maia = new TenantMAIA(tenant.id, scope, { ...providers, preview: input.draft })
  await maia.initialize()
  return maia.processInteraction(input.input, null)
}
