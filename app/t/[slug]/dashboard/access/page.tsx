import { notFound } from 'next/navigation'
import { AccessRequestsPanel } from '@/components/dashboard/access-requests-panel'
import { PrivacyLevelForm } from '@/components/dashboard/privacy-level-form'
import { PageHeader } from '@/components/ui/card'
import { possessive } from '@/lib/client/format'
import { loadTenantContext, tenantHref } from '../../_data/tenant-context'

export const metadata = { title: 'Access' }

/** Who may use the assistant (the privacy level) and the requests to join it. */
export default async function AccessPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView || !context.session) notFound()
  const tenant = context.adminView
  return (
    <>
      <PageHeader title="Access" description={`Who may use ${possessive(tenant.name)} assistant, and who asks to.`} />
      <div className="space-y-6">
        <PrivacyLevelForm
          tenantId={tenant.id}
          initial={tenant.privacyLevel}
          restrictedAllowed={context.session.isPlatformAdmin || tenant.features.restrictedAccess === true}
          requestsHref={tenantHref(context, '/dashboard/requests')}
        />
        <AccessRequestsPanel slug={tenant.slug} />
      </div>
    </>
  )
}
