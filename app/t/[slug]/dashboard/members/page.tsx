import { notFound } from 'next/navigation'
import { MembersPanel } from '@/components/dashboard/members-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'
import { possessive } from '@/lib/client/format'

export const metadata = { title: 'Members' }

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView || !context.session) notFound()
  return (
    <>
      <PageHeader title="Members" description={`Who can use ${possessive(context.tenant.name)} assistant, and who runs it.`} />
      <MembersPanel tenantId={context.tenant.id} currentUserId={context.session.userId} />
    </>
  )
}
