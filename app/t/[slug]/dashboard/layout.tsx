import { notFound, redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import Link from 'next/link'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { buttonClasses } from '@/components/ui/button'
import { Alert } from '@/components/ui/alert'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

type Props = { children: ReactNode; params: Promise<{ slug: string }> }

export default async function DashboardLayout({ children, params }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const home = tenantHref(context, '/dashboard')
  if (!context.session) redirect(`${tenantHref(context, '/login')}?next=${encodeURIComponent(home)}`)
  if (!context.adminView) {
    return (
      <div className="mx-auto w-full max-w-2xl px-4 py-12">
        <Alert tone="warning" title="Admins only">
          The dashboard of {context.tenant.name} is for its administrators. You are signed in as {context.session.email}.
          <span className="mt-3 flex flex-wrap items-center gap-2">
            <Link href={tenantHref(context, '/')} className={buttonClasses('primary', 'sm')}>
              Back to the assistant
            </Link>
            <SignOutButton next={tenantHref(context, '/login')} className="border border-amber-400" />
          </span>
        </Alert>
      </div>
    )
  }
  const items = [
    { href: home, label: 'Knowledge' },
    { href: `${home}/collections`, label: 'Collections' },
    { href: `${home}/advisors`, label: 'Advisors' },
    { href: `${home}/personality`, label: 'Personality' },
    { href: `${home}/members`, label: 'Members' },
    { href: `${home}/access`, label: 'Access' },
    { href: `${home}/groups`, label: 'Groups' },
    { href: `${home}/activity`, label: 'Activity' },
    { href: `${home}/tiers`, label: 'Tiers' },
    { href: `${home}/usage`, label: 'Usage' },
    { href: `${home}/feedback`, label: 'Feedback' },
    { href: `${home}/audit`, label: 'Audit log' },
    { href: `${home}/api-keys`, label: 'API keys' },
    { href: `${home}/api`, label: 'API' },
    { href: `${home}/embed`, label: 'Embed' },
    { href: `${home}/requests`, label: 'Plan requests' },
    { href: `${home}/data`, label: 'Data' },
  ]
  return (
    <div className="mx-auto w-full max-w-6xl px-3 py-6 sm:px-6">
      <p className="text-sm font-medium text-stone-600">{context.tenant.name} · Dashboard</p>
      <DashboardNav items={items} label="Dashboard sections" />
      {children}
    </div>
  )
}
