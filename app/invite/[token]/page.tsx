import { headers } from 'next/headers'
import Link from 'next/link'
import { AuthCard } from '@/components/auth/auth-card'
import { InviteAccept } from '@/components/auth/invite-accept'
import { getSessionFromHeaders } from '@/lib/auth'
import { previewInvitation } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Invitation', robots: { index: false } }

type Props = { params: Promise<{ token: string }> }

const roleNames = { admin: 'an admin', user: 'a member', viewer: 'a viewer' } as const

/** Where an invitation link lands: who invites whom, then one step to accept. */
export default async function InvitePage({ params }: Props) {
  const { token } = await params
  const invitation = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await previewInvitation(token) : null
  if (!invitation) {
    return (
      <main id="main" className="flex min-h-screen flex-col justify-center">
        <AuthCard
          title="This invitation cannot be used"
          footer={
            <Link href="/" className="underline underline-offset-2">
              Home page
            </Link>
          }
        >
          <p className="text-stone-700">
            It may have expired (invitations last 7 days), been used already, or been replaced by a newer one. Ask the person who invited
            you for a new link.
          </p>
        </AuthCard>
      </main>
    )
  }
  const session = await getSessionFromHeaders(await headers())
  const expires = new Date(invitation.expiresAt).toUTCString()
  return (
    <main id="main" className="flex min-h-screen flex-col justify-center">
      <AuthCard
        title={`Join ${invitation.tenantName}`}
        subtitle={`You are invited as ${roleNames[invitation.role]} with ${invitation.email}. The invitation expires ${expires}.`}
      >
        <InviteAccept token={token} email={invitation.email} next={`/t/${invitation.tenantSlug}`} signedInAs={session?.email ?? null} />
      </AuthCard>
    </main>
  )
}
