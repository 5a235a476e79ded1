import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DeleteTenantForm } from '@/components/admin/delete-tenant-form'
import { TenantConsoleSections } from '@/components/admin/tenant-console-sections'
import { StatusBadge } from '@/components/ui/badge'
import { Card, CardHeader, PageHeader } from '@/components/ui/card'
import { isAppError } from '@/lib/errors'
import { capitalise } from '@/lib/client/format'
import type { Tenant } from '@/lib/contracts/tenants'
import { getTenant, listPlans } from '@/lib/multi-tenant/tenants'
import { requirePlatformAdmin } from '../../_data/console-actor'
import { tenantSiteUrl } from '../../../_data/site-url'

export const metadata = { title: 'Tenant' }

async function loadTenant(id: string): Promise<{ tenant: Tenant; userId: string }> {
  const { caller, session } = await requirePlatformAdmin()
  try {
    return { tenant: await getTenant(caller, id), userId: session.userId }
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound()
    throw error
  }
}

export default async function TenantDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant, userId } = await loadTenant((await params).id)
  const site = await tenantSiteUrl(tenant.slug)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-indigo-700 underline-offset-2 hover:underline">
          ← Tenants
        </Link>
      </p>
      <PageHeader
        title={tenant.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={tenant.effectiveStatus} />
            <span>{capitalise(tenant.planTier)} plan</span>
            <span aria-hidden>·</span>
            <a href={site} className="text-indigo-700 underline underline-offset-2">
              {site.replace(/^https?:\/\//, '')}
            </a>
            <span aria-hidden>·</span>
            <Link href={`/t/${tenant.slug}`} className="text-indigo-700 underline underline-offset-2">
              /t/{tenant.slug}
            </Link>
          </span>
        }
      />
      <div className="space-y-6">
        <TenantConsoleSections tenant={tenant} plans={await listPlans()} currentUserId={userId} />
        <Card className="border-red-200">
          <CardHeader title="Delete tenant" />
          <DeleteTenantForm tenantId={tenant.id} slug={tenant.slug} />
        </Card>
      </div>
    </>
  )
}
