import { possessive } from '@/lib/client/format'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ChatApp } from '@/components/chat/chat-app'
import { buttonClasses } from '@/components/ui/button'
import { isAppError } from '@/lib/errors'
import { callerFromSession, visitorScope } from '@/lib/multi-tenant/access'
import { getConversation } from '@/lib/multi-tenant/conversations'
import { suggestedQuestions } from '@/lib/multi-tenant/knowledge'
import { readChatCapacity, type ChatCapacity } from '@/lib/multi-tenant/usage'
import type { ConversationResponse } from '@/lib/contracts/conversations'
import { loadTenantContext, tenantHref, type TenantContext } from '../_data/tenant-context'
import { NonMemberNotice } from './non-member-notice'

/** The member's own thread under their RLS; anyone else's (or a malformed id) is the 404 page, never its content. */
async function loadOwnThread(context: TenantContext, id: string): Promise<ConversationResponse> {
  try {
    return await getConversation(callerFromSession(context.session, context.tenant), context.tenant.id, id, { limit: 100 })
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound()
    throw error
  }
}

/** The caller's transaction here: as a member under their claims, as a visitor otherwise. */
function chatScope({ tenant, session, role }: TenantContext) {
  return role ? callerFromSession(session, tenant).run : visitorScope(tenant)
}

/** What this month's limits still allow, and the questions the empty chat offers, read in one transaction. */
function loadChatState(context: TenantContext): Promise<{ capacity: ChatCapacity | null; suggestions: string[] }> {
  const { tenant, branding } = context
  return chatScope(context)(async (tx) => ({
    capacity: await readChatCapacity(tx, tenant.id),
    suggestions: await suggestedQuestions(tx, tenant.id, branding.suggestedQuestions),
  }))
}

/**
 * The tenant's chat, at `/` (a new thread) or at `/c/<id>` (one of the caller's own
 * threads, restored from the server so a reload shows it at once).
 */
export async function TenantChat({ slug, conversationId }: { slug: string; conversationId: string | null }) {
  const context = await loadTenantContext(slug)
  if (!context) notFound()
  const { tenant, session, role, branding } = context
  const here = conversationId ? tenantHref(context, `/c/${conversationId}`) : null
  const signInHref = here ? `${tenantHref(context, '/login')}?next=${encodeURIComponent(here)}` : tenantHref(context, '/login')

  if (session && !role && (conversationId || !tenant.publicAccess)) {
    if (tenant.publicAccess) notFound()
    return <NonMemberNotice context={{ ...context, session }} />
  }

  if (!session && (conversationId || !tenant.publicAccess)) {
    // Signed out, the tenant's settings are not readable: its name and colour (the routing record) are all it shows.
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-12 text-center sm:py-20">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">{`Welcome to ${tenant.name}`}</h1>
        <p className="mt-3 text-lg text-stone-600">
          {conversationId
            ? `Sign in to reopen this conversation with ${possessive(tenant.name)} assistant.`
            : `Sign in to talk with ${possessive(tenant.name)} assistant. Every answer is grounded in ${possessive(tenant.name)} own knowledge and shows its sources.`}
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Link href={signInHref} className={buttonClasses('primary')}>
            Sign in
          </Link>
          <Link href={tenantHref(context, '/signup')} className={buttonClasses('secondary')}>
            Create an account
          </Link>
        </div>
      </div>
    )
  }

  const asking = tenant.serving && role !== 'viewer'
  const [thread, state] = await Promise.all([
    conversationId ? loadOwnThread(context, conversationId) : null,
    asking ? loadChatState(context) : null,
  ])
  return (
    <>
      <h1 className="sr-only">Chat with {branding.assistantName}</h1>
      <ChatApp
        slug={tenant.slug}
        basePath={context.basePath}
        tenantName={tenant.name}
        assistantName={branding.assistantName}
        greeting={branding.greeting}
        mode={role === 'viewer' ? 'viewer' : role ? 'member' : 'visitor'}
        signInHref={signInHref}
        initialThread={thread}
        serving={tenant.serving}
        capacity={state?.capacity ?? null}
        suggestions={state?.suggestions ?? []}
      />
    </>
  )
}
