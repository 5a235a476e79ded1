import Link from 'next/link'
import { TenantCreateForm } from '@/components/admin/tenant-create-form'
import { Card, PageHeader } from '@/components/ui/card'
import { config } from '@/lib/env'
import { listPlans } from '@/lib/multi-tenant/tenants'
import { requirePlatformAdmin } from '../../_data/console-actor'

export const metadata = { title: 'New tenant' }

export default async function NewTenantPage() {
  await requirePlatformAdmin()
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-indigo-700 underline-offset-2 hover:underline">
          ← Tenants
        </Link>
      </p>
      <PageHeader title="New tenant" description="The plan sets the default limits; you can adjust them afterwards." />
      <Card className="max-w-3xl">
        <TenantCreateForm platformDomain={config().PLATFORM_DOMAIN} plans={await listPlans()} />
      </Card>
    </>
  )
}
