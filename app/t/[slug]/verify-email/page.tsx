import { notFound } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { VerifyEmail } from '@/components/auth/verify-email'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

export const metadata = { title: 'Verify your email address' }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string }> }

/** Where the verification mail's link lands on a tenant's host. */
export default async function TenantVerifyEmailPage({ params, searchParams }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const { token } = await searchParams
  return (
    <AuthCard title="Verify your email address" subtitle="One click confirms that this mailbox is yours.">
      <VerifyEmail token={token ?? ''} loginHref={tenantHref(context, '/login')} />
    </AuthCard>
  )
}
