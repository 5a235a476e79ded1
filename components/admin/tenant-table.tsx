import Link from 'next/link'
import { StatusBadge } from '@/components/ui/badge'
import type { Tenant } from '@/lib/contracts/tenants'
import { formatBytes } from '@/lib/client/format'
import { TenantIndexCell } from './tenant-index-cell'
import { TenantUsageCell } from './tenant-usage-cell'

/**
 * Every tenant with status, plan, this month's use against its limit, and the state of its search index.
 * On a phone each row becomes a card whose cells carry their column's name, so nothing scrolls sideways.
 */
export function TenantTable({ tenants }: { tenants: Tenant[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="min-w-full text-left text-sm max-sm:block">
        <caption className="sr-only">Tenants</caption>
        <thead className="bg-stone-100 max-sm:hidden text-xs tracking-wide text-stone-700 uppercase">
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
        <tbody className="divide-y divide-stone-200 max-sm:block">
          {tenants.map((tenant) => (
            <tr key={tenant.id} className="max-sm:block max-sm:px-4 max-sm:py-3">
              <td className="px-4 py-3 max-sm:px-0 max-sm:pt-0 max-sm:pb-2 max-sm:block">
                <Link href={`/admin/tenants/${tenant.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                  {tenant.name}
                </Link>
                <span className="block font-mono text-xs text-stone-600">{tenant.domain ?? tenant.slug}</span>
              </td>
              <td
                data-label="Status"
                className="px-4 py-3 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]"
              >
                <StatusBadge status={tenant.effectiveStatus} />
              </td>
              <td
                data-label="Plan"
                className="px-4 py-3 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)] capitalize"
              >
                {tenant.planTier}
              </td>
              <td
                data-label="Conversations this month"
                className="px-4 py-3 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]"
              >
                <TenantUsageCell tenantId={tenant.id} limit={tenant.limits.conversationsPerMonth} />
              </td>
              <td
                data-label="Storage limit"
                className="px-4 py-3 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]"
              >
                {tenant.limits.storageMb === null ? 'Unlimited' : formatBytes(tenant.limits.storageMb * 1024 * 1024)}
              </td>
              <td
                data-label="Search index"
                className="px-4 py-3 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]"
              >
                <TenantIndexCell tenantId={tenant.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
