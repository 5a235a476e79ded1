import { AuthCard } from '@/components/auth/auth-card'
import { VerifyEmail } from '@/components/auth/verify-email'

export const dynamic = 'force-dynamic'
export const metadata = { title: 'Verify your email address', robots: { index: false } }

type Props = { searchParams: Promise<{ token?: string }> }

/** Where the verification mail's link lands on the platform host. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams
  return (
    <main id="main" className="flex min-h-screen flex-col justify-center">
      <AuthCard title="Verify your email address" subtitle="One click confirms that this mailbox is yours.">
        <VerifyEmail token={token ?? ''} loginHref="/login" />
      </AuthCard>
    </main>
  )
}
