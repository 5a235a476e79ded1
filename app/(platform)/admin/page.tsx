import Link from 'next/link'
import { TenantTable } from '@/components/admin/tenant-table'
import { buttonClasses } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { listTenants } from '@/lib/multi-tenant/tenants'
import { requirePlatformAdmin } from './_data/console-actor'

export const metadata = { title: 'Tenants' }

export default async function TenantsPage() {
  const { caller } = await requirePlatformAdmin()
  const tenants = await listTenants(caller)
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every organisation on the platform, its plan and how much of it they use."
        actions={
          <Link href="/admin/tenants/new" className={buttonClasses('primary')}>
            New tenant
          </Link>
        }
      />
      {tenants.length === 0 ? (
        <EmptyState title="No tenants yet">Create the first one, or run npm run seed:demo for three example organisations.</EmptyState>
      ) : (
        <TenantTable tenants={tenants} />
      )}
    </>
  )
}
