import { AppError } from '@/lib/errors'
import { aiProviders, type AiProviders } from '@/lib/ai/default-providers'
import { visitorScope, type Caller, type TransactionScope } from '@/lib/multi-tenant/access'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { getDatabase, type Queryable } from '@/lib/db'
import { countQuestionTokens, TenantMAIA, type Admitted } from '@/lib/multi-tenant/TenantMAIA'
import type { VoiceDraft } from './profile'
import type { OracleAnswer, OracleRequest } from '@/lib/contracts/oracle'
import { enforceRateLimit } from '@/lib/rate-limit'
import { limitVisitorQuestion } from './visitor-rate-limit'

export type OracleCaller = { maia: TenantMAIA; userId: string | null; admitted?: Admitted }

type TenantCaller = Caller & { tenant: TenantRoute }

/** A question as the route prepares it, before any transaction opens: its tokens counted. */
export type PreparedQuestion = {
  input: string
  inputTokens: number
  conversationId: string | null
  resend: string | null
  advisorId: string | null
}

export function prepareQuestion(body: OracleRequest, providers: AiProviders = aiProviders()): PreparedQuestion {
  return {
    input: body.input,
    inputTokens: countQuestionTokens(body.input, providers.chat),
    conversationId: body.conversationId ?? null,
    resend: body.resend ?? null,
    advisorId: body.advisorId ?? null,
  }
}

/** A member's assistant (role user or admin: a history under their own RLS); null for anyone else. */
function memberOracle(caller: TenantCaller, providers: AiProviders): OracleCaller | null {
  const { tenant, session } = caller
  if (!session || (caller.role !== 'user' && caller.role !== 'admin')) return null
  return { maia: new TenantMAIA(tenant.id, caller.run, providers), userId: session.userId }
}

/**
 * A member's assistant, admitted in `tx`: the transaction that looked their session up,
 * so the answer costs one transaction fewer. null for anyone else (openOracle decides).
 */
export async function admitMember(
  caller: TenantCaller,
  tx: Queryable,
  question: PreparedQuestion,
  providers: AiProviders = aiProviders(),
): Promise<OracleCaller | null> {
  const oracle = memberOracle(caller, providers)
  if (!oracle) return null
  return { ...oracle, admitted: await oracle.maia.admit(tx, question, oracle.userId, question) }
}

/**
 * A ready assistant for this caller. Who asks decides how: a member (role user or admin)
 * keeps a history under their own RLS; anyone else, signed in or not, is a visitor when
 * the tenant is public (no history, a per-address rate limit) and is refused when it is
 * not (401 without a session, 403 with). The role comes with the caller; the admission
 * transaction confirms it against the database.
 */
export async function openOracle(caller: TenantCaller, providers: AiProviders = aiProviders()): Promise<OracleCaller> {
  const member = memberOracle(caller, providers)
  if (member) return member
  const { tenant, session } = caller
  if (!tenant.publicAccess) {
    if (session) throw new AppError('forbidden', "Only this organisation's members with the user or admin role can ask its assistant.")
    throw new AppError('unauthorized', 'Sign in to ask this assistant.')
  }
  await limitVisitorQuestion(await getDatabase(), tenant.id, caller)
  return { maia: new TenantMAIA(tenant.id, visitorScope(tenant), providers), userId: null }
}

/**
 * The assistant for a tenant API key with the `chat` scope (lib/multi-tenant/api-keys):
 * the visitor's path, run as the key (`app_private.visitor_tenant_id` admits it, private
 * tenant or not): no history, the tenant's monthly limits, the key's own rate limit.
 */
export function openKeyOracle(tenantId: string, run: TransactionScope, providers: AiProviders = aiProviders()): OracleCaller {
  return { maia: new TenantMAIA(tenantId, run, providers), userId: null }
}

const PREVIEW_LIMIT = { maxHits: 30, windowSeconds: 600 }

/**
 * One answer in an unsaved voice, for the dashboard's live preview: tenant admins and
 * platform admins only (the route asks for the admin role). Nothing is stored; the
 * exchange counts against the tenant's month like a visitor's (a tenant over its limit
 * gets 429), and each admin may preview 30 times in ten minutes.
 */
export async function previewAnswer(
  caller: TenantCaller,
  input: { input: string; draft: VoiceDraft },
  providers: AiProviders = aiProviders(),
): Promise<OracleAnswer> {
  if (!caller.isPlatformAdmin && caller.role !== 'admin') {
    throw new AppError('forbidden', "Only this tenant's admins and platform admins can do that.")
  }
  const rule = { scope: `preview:${caller.tenant.id}`, ...PREVIEW_LIMIT }
  await enforceRateLimit(
    await getDatabase(),
    rule,
    caller.session?.userId ?? null,
    'Too many previews in a short time. Wait a few minutes.',
  )
  const maia = new TenantMAIA(caller.tenant.id, caller.run, { ...providers, preview: input.draft })
  return maia.processInteraction(input.input, null)
}
