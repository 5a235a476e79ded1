import { notFound, redirect } from 'next/navigation'
import { MyDocumentsPanel } from '@/components/personal/my-documents-panel'
import { SharedWithMeCard } from '@/components/personal/shared-with-me-card'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

export const metadata = { title: 'My documents' }

export default async function MyDocumentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const here = tenantHref(context, '/my-documents')
  if (!context.session) redirect(`${tenantHref(context, '/login')}?next=${encodeURIComponent(here)}`)
  if (!context.role) notFound()
  return (
    <div className="mx-auto w-full max-w-3xl px-3 py-6 sm:px-6">
      <PageHeader
        title="My documents"
        description={`Knowledge of your own for ${context.tenant.name}’s assistant: private to you unless you share it.`}
      />
      <div className="space-y-6">
        <MyDocumentsPanel slug={context.tenant.slug} canAdd={context.role !== 'viewer'} />
        <SharedWithMeCard slug={context.tenant.slug} basePath={context.basePath} />
      </div>
    </div>
  )
}
