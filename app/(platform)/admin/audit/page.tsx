import { AuditLogViewer } from '@/components/admin/audit-log-viewer'
import { PageHeader } from '@/components/ui/card'
import { listTenants } from '@/lib/multi-tenant/tenants'
import { requirePlatformAdmin } from '../_data/console-actor'

export const metadata = { title: 'Audit log' }

export default async function PlatformAuditPage() {
  const { caller } = await requirePlatformAdmin()
  const tenants = await listTenants(caller)
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrative action on the platform. Each tenant's entries, and the platform's own, form a hash chain."
      />
      <AuditLogViewer endpoint="/api/admin/audit-logs" tenants={tenants.map((tenant) => ({ id: tenant.id, name: tenant.name }))} />
    </>
  )
}
