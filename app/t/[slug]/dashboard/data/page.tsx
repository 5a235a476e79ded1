import { notFound } from 'next/navigation'
import { TenantExportCard } from '@/components/dashboard/tenant-export-card'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Data' }

export default async function DataPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader title="Data" description={`Take a copy of everything ${context.tenant.name} keeps on this platform.`} />
      <TenantExportCard tenantId={context.tenant.id} />
    </>
  )
}
