import Link from 'next/link'
import { StatusBadge } from '@/components/ui/badge'
import type { Tenant } from '@/lib/contracts/tenants'
import { formatBytes } from '@/lib/client/format'
import { TenantIndexCell } from './tenant-index-cell'
import { TenantUsageCell } from './tenant-usage-cell'

/** Every tenant with status, plan, this month's use against its limit, and the state of its search index. */
export function TenantTable({ tenants }: { tenants: Tenant[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Tenants</caption>
        <thead className="bg-stone-100 text-xs tracking-wide text-stone-700 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Tenant
            </th>
            <th scope="col" className="px-4 py-2">
              Status
            </th>
            <th scope="col" className="px-4 py-2">
              Plan
            </th>
            <th scope="col" className="px-4 py-2">
              Conversations this month
            </th>
            <th scope="col" className="px-4 py-2">
              Storage limit
            </th>
            <th scope="col" className="px-4 py-2">
              Search index
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {tenants.map((tenant) => (
            <tr key={tenant.id}>
              <td className="px-4 py-3">
                <Link href={`/admin/tenants/${tenant.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                  {tenant.name}
                </Link>
                <span className="block font-mono text-xs text-stone-600">{tenant.domain ?? tenant.slug}</span>
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={tenant.effectiveStatus} />
              </td>
              <td className="px-4 py-3 capitalize">{tenant.planTier}</td>
              <td className="px-4 py-3">
                <TenantUsageCell tenantId={tenant.id} limit={tenant.limits.conversationsPerMonth} />
              </td>
              <td className="px-4 py-3">
                {tenant.limits.storageMb === null ? 'Unlimited' : formatBytes(tenant.limits.storageMb * 1024 * 1024)}
              </td>
              <td className="px-4 py-3">
                <TenantIndexCell tenantId={tenant.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
