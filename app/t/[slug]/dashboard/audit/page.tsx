import { notFound } from 'next/navigation'
import { AuditLogViewer } from '@/components/admin/audit-log-viewer'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Audit log' }

export default async function TenantAuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrative change, with who made it and when. Entries are hash-chained, so tampering shows."
      />
      <AuditLogViewer endpoint={`/api/admin/tenants/${context.tenant.id}/audit-logs`} />
    </>
  )
}
