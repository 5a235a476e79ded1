import { ResourceRequestsConsole } from '@/components/admin/resource-requests-console'
import { PageHeader } from '@/components/ui/card'
import { requirePlatformAdmin } from '../_data/console-actor'

export const metadata = { title: 'Requests' }

/** Tenants' admins ask for another plan, other limits or restricted access; platform admins decide here. */
export default async function RequestsPage() {
  await requirePlatformAdmin()
  return (
    <>
      <PageHeader title="Requests" description="What tenants’ admins ask the platform for. Nobody decides a request of their own." />
      <ResourceRequestsConsole />
    </>
  )
}
