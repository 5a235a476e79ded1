import { notFound } from 'next/navigation'
import { AuthCard } from '@/components/auth/auth-card'
import { InviteAccept } from '@/components/auth/invite-accept'
import { Alert } from '@/components/ui/alert'
import { previewInvitation } from '@/lib/multi-tenant/members'
import { loadTenantContext, tenantHref } from '../../_data/tenant-context'

export const metadata = { title: 'Invitation' }

type Props = { params: Promise<{ slug: string; token: string }> }

/** An invitation opened on the tenant's own host (the accept link names the host it was created on). */
export default async function TenantInvitePage({ params }: Props) {
  const { slug, token } = await params
  const context = await loadTenantContext(slug)
  if (!context) notFound()
  const invitation = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await previewInvitation(token) : null
  if (!invitation || invitation.tenantSlug !== context.tenant.slug) {
    return (
      <AuthCard title="This invitation cannot be used">
        <Alert tone="warning">The link is unknown, already used or expired. Ask the person who invited you for a new one.</Alert>
      </AuthCard>
    )
  }
  return (
    <AuthCard title={`Join ${invitation.tenantName}`} subtitle={`You are invited as ${invitation.role} with ${invitation.email}.`}>
      <InviteAccept token={token} email={invitation.email} next={tenantHref(context)} signedInAs={context.session?.email ?? null} />
    </AuthCard>
  )
}
