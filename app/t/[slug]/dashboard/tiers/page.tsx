import { notFound } from 'next/navigation'
import { TiersPanel } from '@/components/dashboard/tiers-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Tiers' }

export default async function TiersPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Tiers"
        description={`How much each member of ${context.tenant.name} may ask in a month, and how much they have asked.`}
      />
      <TiersPanel tenantId={context.tenant.id} />
    </>
  )
}
