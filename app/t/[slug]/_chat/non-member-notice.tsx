import { AccessRequestCard } from '@/components/tenant/access-request-card'
import { callerFromSession } from '@/lib/multi-tenant/access'
import { ownAccessRequest } from '@/lib/multi-tenant/requests'
import type { TenantContext } from '../_data/tenant-context'

/**
 * A signed-in person who is not a member of a members-only or restricted tenant: they may
 * ask its admins for access, and see their request's state. A member who still has to turn
 * on two-factor sign-in is told so by the layout, and asks for nothing here.
 */
export async function NonMemberNotice({ context }: { context: TenantContext & { session: NonNullable<TenantContext['session']> } }) {
  const { tenant, session } = context
  if (session.twoFactorNeeded === 'tenant') return null
  const request = await ownAccessRequest(callerFromSession(session, tenant), tenant.id)
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-12 sm:py-20">
      <AccessRequestCard
        slug={tenant.slug}
        tenantName={tenant.name}
        email={session.email}
        request={request}
        restricted={tenant.privacyLevel === 'restricted'}
      />
    </div>
  )
}
