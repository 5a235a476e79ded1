import Link from 'next/link'
import { Badge } from '@/components/ui/badge'

export type DemoTenantLink = { name: string; slug: string; publicAccess: boolean; siteUrl: string }

export function DemoTenantList({ tenants }: { tenants: DemoTenantLink[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-3">
      {tenants.map((tenant) => (
        <li key={tenant.slug} className="flex flex-col rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <span className="text-lg font-semibold text-stone-900">{tenant.name}</span>
          <span className="mt-1">{tenant.publicAccess ? <Badge tone="green">Open to visitors</Badge> : <Badge>Members only</Badge>}</span>
          <span className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href={tenant.siteUrl} className="font-medium text-indigo-700 underline underline-offset-2">
              Visit {tenant.name}
              <span className="sr-only"> on its own address</span>
            </a>
            <Link href={`/t/${tenant.slug}`} className="text-stone-700 underline underline-offset-2">
              /t/{tenant.slug}
            </Link>
          </span>
        </li>
      ))}
    </ul>
  )
}
