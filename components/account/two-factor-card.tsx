'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { useApiQuery } from '@/lib/client/use-api-query'
import { twoFactorStatusSchema } from '@/lib/contracts/two-factor'
import { TwoFactorDisable } from './two-factor-disable'
import { TwoFactorSetupFlow } from './two-factor-setup'

const description = 'Sign-in asks for a code from an authenticator app on your phone as well as your password.'

/** Two-factor sign-in of a local account: its state, set-up, and turning it off. */
export function TwoFactorCard() {
  const { data, error, loading, reload } = useApiQuery('/api/auth/two-factor', twoFactorStatusSchema)
  return (
    <Card>
      <CardHeader title="Two-factor sign-in" description={description} />
      {error ? (
        <Alert tone="error" title="Its state could not be loaded">
          <p>{error.message}</p>
          <Button size="sm" variant="secondary" className="mt-2" busy={loading} onClick={reload}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {!data && !error ? (
        <p role="status" className="py-3 text-stone-600">
          Loading…
        </p>
      ) : null}
      {data && !data.enabled ? <TwoFactorSetupFlow onEnabled={reload} /> : null}
      {data?.enabled ? (
        <div className="space-y-4">
          <p className="text-sm text-stone-800" role="status">
            <strong>On.</strong> {data.recoveryCodesLeft} of your recovery codes are left.
          </p>
          <TwoFactorDisable onDisabled={reload} />
        </div>
      ) : null}
    </Card>
  )
}
