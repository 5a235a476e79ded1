import { notFound } from 'next/navigation'
import { ApiKeysPanel } from '@/components/dashboard/api-keys-panel'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext, tenantHref } from '../../_data/tenant-context'
import { possessive } from '@/lib/client/format'

export const metadata = { title: 'API keys' }

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let {possessive(context.tenant.name)} own code use its assistant and knowledge through the{' '}
            <a className="underline" href={tenantHref(context, '/dashboard/api')}>
              public API
            </a>
            .
          </>
        }
      />
      <ApiKeysPanel tenantId={context.tenant.id} />
    </>
  )
}
