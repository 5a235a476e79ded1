import { notFound } from 'next/navigation'
import { CollectionsCard } from '@/components/teams/collections-card'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Collections' }

export default async function CollectionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Collections"
        description={`Group ${context.tenant.name}’s knowledge so each advisor answers from its part of it.`}
      />
      <CollectionsCard tenantId={context.tenant.id} />
    </>
  )
}
