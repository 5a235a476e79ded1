import { notFound } from 'next/navigation'
import { KnowledgePanel } from '@/components/dashboard/knowledge-panel'
import { PageHeader } from '@/components/ui/card'
import { config } from '@/lib/env'
import { listContentLanguages } from '@/lib/multi-tenant/tenants'
import { loadTenantContext, tenantHref } from '../_data/tenant-context'

export const metadata = { title: 'Knowledge' }

export default async function KnowledgePage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Knowledge"
        description="The documents your assistant answers from. Nothing here is ever shown to another organisation."
      />
      <KnowledgePanel
        tenantId={context.tenant.id}
        slug={context.tenant.slug}
        dashboardHref={tenantHref(context, '/dashboard')}
        maxMb={config().UPLOAD_MAX_MB}
        contentLanguage={context.adminView.contentLanguage}
        contentLanguages={await listContentLanguages()}
      />
    </>
  )
}
