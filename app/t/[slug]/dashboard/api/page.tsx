import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { ApiDocs } from '@/components/dashboard/api-docs'
import { PageHeader } from '@/components/ui/card'
import { publicOrigin } from '@/lib/auth/request-host'
import { loadTenantContext } from '../../_data/tenant-context'
import { possessive } from '@/lib/client/format'

export const metadata = { title: 'API' }

export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  const origin = publicOrigin(new Request('http://localhost/', { headers: await headers() }))
  return (
    <>
      <PageHeader
        title="API"
        description={`${possessive(context.tenant.name)} assistant and knowledge for your own code, OpenAI-compatible.`}
      />
      <ApiDocs origin={origin} />
    </>
  )
}
