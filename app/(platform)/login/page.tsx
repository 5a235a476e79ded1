import { headers } from 'next/headers'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { AuthForm } from '@/components/auth/auth-form'
import { getSessionFromHeaders } from '@/lib/auth'
import { safeNextPath } from '@/lib/client/safe-url'

export const metadata = { title: 'Sign in' }

type Props = { searchParams: Promise<{ next?: string }> }

export default async function PlatformLoginPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next, '/admin')
  const session = await getSessionFromHeaders(await headers())
  const forConsole = next === '/admin' || next.startsWith('/admin/')
  // Someone already signed in goes on: the console itself tells a non-admin so, with a way back.
  if (session) redirect(next)
  return (
    <main id="main" className="flex min-h-screen flex-col justify-center">
      <AuthCard
        title={forConsole ? 'Sign in to the console' : 'Sign in'}
        subtitle={forConsole ? 'For platform administrators of Elemental Oracle.' : 'With your Elemental Oracle account.'}
        footer={
          <Link href="/" className="underline underline-offset-2">
            Back to the home page
          </Link>
        }
      >
        <AuthForm mode="login" next={next} />
      </AuthCard>
    </main>
  )
}
