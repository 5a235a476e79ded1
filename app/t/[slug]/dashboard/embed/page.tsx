import { notFound } from 'next/navigation'
import { EmbedSnippetCard } from '@/components/dashboard/embed-snippet-card'
import { WidgetOriginsCard } from '@/components/dashboard/widget-origins-card'
import { PageHeader } from '@/components/ui/card'
import { platformSiteUrl } from '../../../../(platform)/_data/site-url'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Embed' }

export default async function EmbedPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="Embed"
        description={`Put ${context.tenant.name}’s assistant on your own site: allow the site, then paste the snippet into its pages.`}
      />
      <div className="space-y-6">
        <WidgetOriginsCard tenantId={context.tenant.id} />
        <EmbedSnippetCard platformUrl={await platformSiteUrl()} slug={context.tenant.slug} />
      </div>
    </>
  )
}
