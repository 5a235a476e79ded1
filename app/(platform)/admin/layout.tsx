import { headers } from 'next/headers'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { ConsoleHeader } from '@/components/admin/console-header'
import { NotPlatformAdmin } from '@/components/admin/not-platform-admin'
import { Alert } from '@/components/ui/alert'
import { getSessionFromHeaders } from '@/lib/auth'
import { config } from '@/lib/env'

export const metadata = { title: { default: 'Console', template: '%s · Console' } }

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await getSessionFromHeaders(await headers())
  if (!session) redirect('/login?next=/admin')
  if (session.twoFactorNeeded === 'platform') {
    return (
      <main id="main" className="mx-auto max-w-xl px-4 py-16">
        <Alert tone="warning" title="Turn on two-factor sign-in first">
          Platform admins must sign in with a second factor here. Set it up on{' '}
          <Link href="/account" className="underline underline-offset-2">
            your account page
          </Link>
          , then come back to the console.
        </Alert>
      </main>
    )
  }
  if (!session.isPlatformAdmin) return <NotPlatformAdmin email={session.email} />
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={session.email} outbox={config().modes.mail === 'outbox'} />
      <main id="main" className="mx-auto max-w-6xl px-3 py-6 sm:px-6">
        {children}
      </main>
    </div>
  )
}
