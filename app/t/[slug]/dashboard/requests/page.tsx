import { notFound } from 'next/navigation'
import { ResourceRequestsPanel } from '@/components/dashboard/resource-requests-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Plan requests' }

/** Asking the platform for another plan, other limits or restricted access, and the answers. */
export default async function PlanRequestsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  const tenant = context.adminView
  return (
    <>
      <PageHeader
        title="Plan requests"
        description={`${tenant.name} is on the ${tenant.planTier} plan. Ask the platform for more when you need it.`}
      />
      <ResourceRequestsPanel tenantId={tenant.id} planTier={tenant.planTier} limits={tenant.limits} />
    </>
  )
}
