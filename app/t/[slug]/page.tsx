import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ChatApp } from '@/components/chat/chat-app'
import { Alert } from '@/components/ui/alert'
import { buttonClasses } from '@/components/ui/button'
import { loadTenantContext, tenantHref } from './_data/tenant-context'

type Props = { params: Promise<{ slug: string }> }

export default async function TenantChatPage({ params }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const { tenant, session, role, branding } = context
  const signInHref = tenantHref(context, '/login')

  if (session && !role && !tenant.publicAccess) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-12 sm:py-20">
        <Alert tone="warning" title={`You are not a member of ${tenant.name}`}>
          You are signed in as {session.email}, but this account has no access to {tenant.name}’s assistant. Ask one of its administrators
          for an invitation, or sign in with another account.
        </Alert>
      </div>
    )
  }

  if (!session && !tenant.publicAccess) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-12 text-center sm:py-20">
        <h1 className="text-3xl font-semibold tracking-tight text-stone-900">{branding.greeting}</h1>
        <p className="mt-3 text-lg text-stone-600">
          Sign in to talk with {branding.assistantName}, {tenant.name}’s assistant. Every answer is grounded in {tenant.name}’s own
          knowledge and shows its sources.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <Link href={signInHref} className={buttonClasses('primary')}>
            Sign in
          </Link>
          <Link href={tenantHref(context, '/signup')} className={buttonClasses('secondary')}>
            Create an account
          </Link>
        </div>
      </div>
    )
  }

  return (
    <>
      <h1 className="sr-only">Chat with {branding.assistantName}</h1>
      <ChatApp
        slug={tenant.slug}
        tenantName={tenant.name}
        assistantName={branding.assistantName}
        greeting={branding.greeting}
        mode={role === 'viewer' ? 'viewer' : role ? 'member' : 'visitor'}
        signInHref={signInHref}
      />
    </>
  )
}
