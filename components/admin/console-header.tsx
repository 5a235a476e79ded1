import Link from 'next/link'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { ThemeToggle } from '@/components/ui/theme-toggle'

type Props = {
  email: string
  /** False for a signed-in person who is not a platform admin (the account page): no console sections. */
  sections?: boolean
  /** The local outbox is in use (no SMTP server): its page is one of the sections. */
  outbox?: boolean
}

/** The platform console's masthead: the platform's brand, sections and the signed-in admin. */
export function ConsoleHeader({ email, sections = true, outbox = false }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className={`mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-3 pt-3 sm:px-6 ${sections ? '' : 'pb-3'}`}>
        <Link href={sections ? '/admin' : '/'} className="flex items-center gap-2 rounded-md">
          <span aria-hidden className="flex size-8 items-center justify-center rounded-lg bg-stone-900 text-sm font-bold text-white">
            EO
          </span>
          <span className="font-semibold text-stone-900">
            Elemental Oracle {sections ? <span className="font-normal text-stone-600">· Console</span> : null}
          </span>
        </Link>
        <div className="flex items-center gap-2 text-sm">
          <span className="hidden max-w-[16rem] truncate text-stone-600 sm:inline">{email}</span>
          <Link href="/account" className="rounded-md px-2 py-1 font-medium text-stone-700 hover:bg-stone-200/70 hover:text-stone-900">
            Account
          </Link>
          <SignOutButton next={sections ? '/login' : '/'} />
          <ThemeToggle />
        </div>
      </div>
      {sections ? (
        <div className="mx-auto max-w-6xl px-3 pt-2 sm:px-6">
          <DashboardNav
            className=""
            label="Console sections"
            items={[
              { href: '/admin', label: 'Tenants' },
              { href: '/admin/requests', label: 'Requests' },
              { href: '/admin/audit', label: 'Audit log' },
              ...(outbox ? [{ href: '/admin/outbox', label: 'Outbox' }] : []),
            ]}
          />
        </div>
      ) : null}
    </header>
  )
}
