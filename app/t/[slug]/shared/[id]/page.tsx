import { notFound, redirect } from 'next/navigation'
import { SharedConversationView } from '@/components/personal/shared-conversation-view'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext, tenantHref } from '../../_data/tenant-context'

export const metadata = { title: 'Shared conversation' }

export default async function SharedConversationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params
  const context = await loadTenantContext(slug)
  if (!context) notFound()
  const here = tenantHref(context, `/shared/${id}`)
  if (!context.session) redirect(`${tenantHref(context, '/login')}?next=${encodeURIComponent(here)}`)
  if (!context.role) notFound()
  return (
    <div className="mx-auto w-full max-w-3xl px-3 py-6 sm:px-6">
      <PageHeader
        title="Shared conversation"
        description="Shared with you to read. Its sources show only documents you may read yourself."
      />
      <SharedConversationView slug={context.tenant.slug} id={id} />
    </div>
  )
}
