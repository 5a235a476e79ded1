'use client'

import { useCallback, useState } from 'react'
import { Card, CardHeader } from '@/components/ui/card'
import { DeleteAccount } from './delete-account'
import { MyDataCard } from './my-data-card'
import { PasswordForm } from './password-form'
import { SessionsCard } from './sessions-card'
import { TwoFactorCard } from './two-factor-card'

type Props = {
  email: string
  /** The home page of the site the person is on, where they land after deleting the account. */
  home: string
  /** Whether the auth provider lists single sessions (local accounts do, Supabase Auth does not). */
  listsSessions: boolean
  /** Whether two-factor sign-in is set up here (local accounts); Supabase Auth has MFA of its own. */
  offersTwoFactor: boolean
}

/** The signed-in person's own account: sessions, password, two-factor sign-in, a copy of their data, deletion. */
export function AccountPanel({ email, home, listsSessions, offersTwoFactor }: Props) {
  // A password change ends the other sessions, so the list is fetched again after one.
  const [sessionsVersion, setSessionsVersion] = useState(0)
  const sessionsChanged = useCallback(() => setSessionsVersion((value) => value + 1), [])

  return (
    <div className="space-y-6">
      <SessionsCard listable={listsSessions} version={sessionsVersion} onChanged={sessionsChanged} />
      <Card>
        <CardHeader title="Password" description="Changing it signs you out on every other device." />
        <PasswordForm email={email} onChanged={sessionsChanged} />
      </Card>
      {offersTwoFactor ? <TwoFactorCard /> : null}
      <MyDataCard />
      <Card>
        <CardHeader title="Delete account" />
        <DeleteAccount email={email} home={home} />
      </Card>
    </div>
  )
}
