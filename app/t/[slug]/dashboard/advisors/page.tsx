import { notFound } from 'next/navigation'
import { AdvisorsCard } from '@/components/teams/advisors-card'
import { PersonalAdvisorsSetting } from '@/components/teams/personal-advisors-setting'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Advisors' }

export default async function AdvisorsPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  return (
    <>
      <PageHeader title="Advisors" description={`The assistants ${context.tenant.name}’s members pick from in the chat.`} />
      <div className="space-y-6">
        <AdvisorsCard tenantId={context.tenant.id} slug={context.tenant.slug} />
        <PersonalAdvisorsSetting tenantId={context.tenant.id} />
      </div>
    </>
  )
}
