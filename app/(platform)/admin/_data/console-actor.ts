import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getSessionFromHeaders, type Session } from '@/lib/auth'
import { callerFromSession, type Caller } from '@/lib/multi-tenant/access'

/**
 * The signed-in platform admin of a console page, as the caller the services take.
 * Pages check for themselves: a layout's redirect does not stop a page rendering.
 */
export const requirePlatformAdmin = cache(async (): Promise<{ caller: Caller; session: Session }> => {
  const session = await getSessionFromHeaders(await headers())
  if (!session) redirect('/login?next=/admin')
  if (!session.isPlatformAdmin) notFound()
  return { caller: callerFromSession(session, null), session }
})
