import { aiProviders, type AiProviders } from '@/lib/ai/default-providers'
import type { OracleAnswer } from '@/lib/contracts/oracle'
import type { WidgetAsk, WidgetSession } from '@/lib/contracts/widget'
import { getDatabase } from '@/lib/db'
import { listEndUserMessages } from '@/lib/multi-tenant/end-users'
import { brandingOf, limitVisitorQuestion, loadOracleProfile } from '@/lib/multi-tenant/oracle'
import { countQuestionTokens, TenantMAIA } from '@/lib/multi-tenant/TenantMAIA'
import type { WidgetCaller } from './caller'

/** As many earlier messages as the frame shows when it opens. */
const SHOWN_MESSAGES = 50

/** What the frame shows when it opens: the branding as the end user may read it, and a verified end user's latest messages. */
export async function widgetSession(caller: WidgetCaller): Promise<WidgetSession> {
  const { tenant, endUserId } = caller
  return caller.run(async (tx) => {
    const profile = await loadOracleProfile(tx, tenant.id)
    const messages = endUserId ? await listEndUserMessages(tx, tenant.id, endUserId, SHOWN_MESSAGES) : []
    return {
      branding: { tenantName: tenant.name, ...brandingOf(tenant, profile) },
      endUser: endUserId ? { id: endUserId } : null,
      messages: messages.map(({ id, role, content, sources }) => ({ id, role, content, sources })),
    }
  })
}

/**
 * One question in the widget, answered by the tenant's assistant on the visitor's path
 * under the end user's session (same engine, sources and monthly limits). A verified end
 * user's exchange joins their history; an anonymous visitor keeps none and is held to
 * the visitors' rate limit, keyed by address or, without one, by the widget session.
 */
export async function askInWidget(
  caller: WidgetCaller,
  body: WidgetAsk,
  client: { ip: string | null; signal: AbortSignal },
  providers: AiProviders = aiProviders(),
): Promise<OracleAnswer> {
  if (!caller.endUserId) await limitVisitorQuestion(await getDatabase(), caller.tenant.id, { ip: client.ip, visitor: caller.sessionHash })
  const maia = new TenantMAIA(caller.tenant.id, caller.run, providers)
  return maia.processInteraction(body.input, null, {
    conversationDepth: body.conversationDepth,
    inputTokens: countQuestionTokens(body.input, providers.chat),
    signal: client.signal,
    endUserId: caller.endUserId,
  })
}
