import { notFound } from 'next/navigation'
import { GroupsCard } from '@/components/teams/groups-card'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Groups' }

export default async function GroupsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader title="Groups" description={`Teams of ${context.tenant.name}’s members.`} />
      <GroupsCard tenantId={context.tenant.id} />
    </>
  )
}
