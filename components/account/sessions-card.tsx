'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { sessionListResponseSchema } from '@/lib/contracts/auth'
import { orderSessions } from './session-list'
import { SessionRow } from './session-row'
import { SignOutOthers } from './sign-out-others'

type Props = {
  /** False with Supabase Auth, which cannot list single sessions: only "sign out others" is offered. */
  listable: boolean
  /** Bumped by the parent when something else (a password change) ended sessions. */
  version: number
  onChanged: () => void
}

const description = 'Where your account is signed in. Sign out any device you do not recognise, then change your password.'

export function SessionsCard({ listable, version, onChanged }: Props) {
  if (!listable) {
    return (
      <Card>
        <CardHeader
          title="Sessions"
          description="Your sign-in provider does not list single devices, but you can end every session except this one."
        />
        <SignOutOthers onDone={onChanged} />
      </Card>
    )
  }
  return <SessionListCard version={version} onChanged={onChanged} />
}

function SessionListCard({ version, onChanged }: Omit<Props, 'listable'>) {
  const { data, error, loading, reload } = useApiQuery('/api/auth/sessions', sessionListResponseSchema, version)
  const sessions = data ? orderSessions(data.sessions) : null
  const others = sessions?.filter((session) => !session.current).length ?? 0

  return (
    <Card>
      <CardHeader title="Sessions" description={description} />
      {error ? (
        <Alert tone="error" title="Your sessions could not be loaded" className="mb-4">
          <p>{error.message}</p>
          <Button size="sm" variant="secondary" className="mt-2" busy={loading} onClick={reload}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {!sessions && !error ? (
        <p role="status" className="flex items-center gap-2 py-3 text-stone-600">
          <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-stone-400 border-r-transparent" />
          Loading your sessions…
        </p>
      ) : null}
      {sessions && sessions.length === 0 ? (
        <EmptyState title="No active sessions">Sign in again to see this device here.</EmptyState>
      ) : null}
      {sessions && sessions.length > 0 ? (
        <ul
          aria-label="Your sessions"
          aria-busy={loading || undefined}
          className="mb-4 divide-y divide-stone-200 border-y border-stone-200"
        >
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} onRevoked={reload} />
          ))}
        </ul>
      ) : null}
      {sessions ? (
        <>
          {others === 0 && sessions.length > 0 ? (
            <p className="mb-3 text-sm text-stone-600">This is the only device signed in to your account.</p>
          ) : null}
          <SignOutOthers onDone={onChanged} disabled={others === 0} />
        </>
      ) : null}
    </Card>
  )
}
