import Link from 'next/link'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'

/** The platform console's masthead: the platform's brand, sections and the signed-in admin. */
export function ConsoleHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-3 pt-3 sm:px-6">
        <Link href="/admin" className="flex items-center gap-2 rounded-md">
          <span aria-hidden className="flex size-8 items-center justify-center rounded-lg bg-stone-900 text-sm font-bold text-white">
            EO
          </span>
          <span className="font-semibold text-stone-900">
            Elemental Oracle <span className="font-normal text-stone-600">· Console</span>
          </span>
        </Link>
        <div className="flex items-center gap-2 text-sm">
          <span className="hidden max-w-[16rem] truncate text-stone-600 sm:inline">{email}</span>
          <SignOutButton next="/login" />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-3 pt-2 sm:px-6">
        <DashboardNav
          className=""
          label="Console sections"
          items={[
            { href: '/admin', label: 'Tenants' },
            { href: '/admin/audit', label: 'Audit log' },
          ]}
        />
      </div>
    </header>
  )
}
