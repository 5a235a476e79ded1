import { notFound } from 'next/navigation'
import { FeedbackPanel } from '@/components/dashboard/feedback-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext, tenantHref } from '../../_data/tenant-context'

export const metadata = { title: 'Feedback' }

export default async function FeedbackPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Feedback"
        description="How the assistant is doing, from the answers your members rated with a thumbs up or down."
      />
      <FeedbackPanel tenantId={context.tenant.id} dashboardHref={tenantHref(context, '/dashboard')} />
    </>
  )
}
