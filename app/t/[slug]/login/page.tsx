import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { AuthForm } from '@/components/auth/auth-form'
import { safeNextPath } from '@/lib/client/safe-url'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ next?: string }> }

export const metadata = { title: 'Sign in' }

export default async function TenantLoginPage({ params, searchParams }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const next = safeNextPath((await searchParams).next, tenantHref(context))
  return (
    <AuthCard
      title={`Sign in to ${context.tenant.name}`}
      subtitle={`Continue your conversations with ${context.branding.assistantName}.`}
      footer={
        <>
          New here?{' '}
          <Link href={tenantHref(context, '/signup')} className="font-medium text-indigo-700 underline underline-offset-2">
            Create an account
          </Link>
        </>
      }
    >
      {context.session ? (
        <p className="mb-4 text-sm text-stone-600">You are signed in as {context.session.email}. Signing in again switches accounts.</p>
      ) : null}
      <AuthForm mode="login" next={next} />
    </AuthCard>
  )
}
