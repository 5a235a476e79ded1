import { notFound, redirect } from 'next/navigation'
import { AccountPanel } from '@/components/account/account-panel'
import { MyActivityCard } from '@/components/teams/activity-list'
import { PageHeader } from '@/components/ui/card'
import { authMode } from '@/lib/auth'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

export const metadata = { title: 'Account' }

export default async function TenantAccountPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const here = tenantHref(context, '/account')
  if (!context.session) redirect(`${tenantHref(context, '/login')}?next=${encodeURIComponent(here)}`)
  return (
    <div className="mx-auto w-full max-w-3xl px-3 py-6 sm:px-6">
      <PageHeader
        title="Your account"
        description={`Signed in as ${context.session.email || 'you'}. These settings apply wherever you use this account.`}
      />
      {context.role ? (
        <div className="mb-6">
          <MyActivityCard slug={context.tenant.slug} />
        </div>
      ) : null}
      <AccountPanel
        email={context.session.email}
        home={tenantHref(context)}
        listsSessions={authMode() === 'local'}
        offersTwoFactor={authMode() === 'local'}
      />
    </div>
  )
}
