import { notFound } from 'next/navigation'
import { MemberActivityList } from '@/components/teams/activity-list'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Activity' }

export default async function ActivityPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader title="Activity" description={`How ${context.tenant.name}’s members use the assistant.`} />
      <MemberActivityList tenantId={context.tenant.id} />
    </>
  )
}
