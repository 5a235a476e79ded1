import { possessive } from '@/lib/client/format'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { AuthForm } from '@/components/auth/auth-form'
import { safeNextPath } from '@/lib/client/safe-url'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ next?: string }> }

export const metadata = { title: 'Create an account' }

export default async function TenantSignupPage({ params, searchParams }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const next = safeNextPath((await searchParams).next, tenantHref(context))
  return (
    <AuthCard
      title="Create your account"
      subtitle={
        context.tenant.publicAccess
          ? `Keep your conversations with ${possessive(context.tenant.name)} assistant.`
          : `${context.tenant.name} gives access to its members: once you have an account, ask its administrators for access on its home page, or accept their invitation.`
      }
      footer={
        <>
          Already have an account?{' '}
          <Link href={tenantHref(context, '/login')} className="font-medium text-indigo-700 underline underline-offset-2">
            Sign in
          </Link>
        </>
      }
    >
      <AuthForm mode="signup" next={next} />
    </AuthCard>
  )
}
