import { notFound } from 'next/navigation'
import { PersonalityEditor } from '@/components/dashboard/personality-editor'
import { SignInSecurityForm } from '@/components/dashboard/sign-in-security-form'
import { PageHeader } from '@/components/ui/card'
import { loadTenantContext } from '../../_data/tenant-context'

export const metadata = { title: 'Personality' }

export default async function PersonalityPage({ params }: { params: Promise<{ slug: string }> }) {
  const context = await loadTenantContext((await params).slug)
  if (!context?.adminView) notFound()
  const tenant = context.adminView
  return (
    <>
      <PageHeader
        title="Personality"
        description="Your assistant's voice and focus. The engine (elements, phases, grounding) stays the same for everyone."
      />
      <PersonalityEditor
        tenantId={tenant.id}
        tenantName={tenant.name}
        previewUrl={`/api/tenant/${tenant.slug}/preview`}
        initial={{
          brandVoice: tenant.brandVoice,
          maiaPersonality: tenant.maiaPersonality,
          elementalSignature: tenant.elementalSignature,
        }}
      />
      <div className="mt-6">
        <SignInSecurityForm
          tenantId={tenant.id}
          initial={{ requireTwoFactor: tenant.requireTwoFactor, idleTimeoutMinutes: tenant.idleTimeoutMinutes }}
        />
      </div>
    </>
  )
}
