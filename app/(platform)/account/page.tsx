import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { AccountPanel } from '@/components/account/account-panel'
import { ConsoleHeader } from '@/components/admin/console-header'
import { PageHeader } from '@/components/ui/card'
import { authMode, getSessionFromHeaders } from '@/lib/auth'

export const metadata = { title: 'Account' }

/** Any signed-in person on the platform host; platform admins keep the console around it. */
export default async function PlatformAccountPage() {
  const session = await getSessionFromHeaders(await headers())
  if (!session) redirect('/login?next=/account')
  return (
    <div className="min-h-screen">
      <ConsoleHeader email={session.email} sections={session.isPlatformAdmin} />
      <main id="main" className="mx-auto max-w-3xl px-3 py-6 sm:px-6">
        <PageHeader
          title="Your account"
          description={`Signed in as ${session.email || 'you'}. These settings apply wherever you use this account.`}
        />
        <AccountPanel email={session.email} home="/" listsSessions={authMode() === 'local'} offersTwoFactor={authMode() === 'local'} />
      </main>
    </div>
  )
}
