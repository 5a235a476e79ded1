import { notFound } from 'next/navigation'
import { KnowledgeDocumentView } from '@/components/dashboard/knowledge-document'
import { loadTenantContext, tenantHref } from '../../../_data/tenant-context'

export const metadata = { title: 'Document' }

type Props = { params: Promise<{ slug: string; knowledgeId: string }> }

export default async function KnowledgeDocumentPage({ params }: Props) {
  const { slug, knowledgeId } = await params
  const context = await loadTenantContext(slug)
  if (!context?.adminView) notFound()
  return <KnowledgeDocumentView tenantId={context.tenant.id} knowledgeId={knowledgeId} listHref={tenantHref(context, '/dashboard')} />
}
