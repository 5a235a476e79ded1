import { notFound } from 'next/navigation'
import { UsagePanel } from '@/components/dashboard/usage-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Usage' }

export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Usage"
        description="Monthly limits reset on the first day of each month (UTC). Need more? Ask the platform for a plan upgrade."
      />
      <UsagePanel tenantId={context.tenant.id} />
    </>
  )
}
