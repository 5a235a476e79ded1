import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { getSessionFromHeaders } from '@/lib/auth'
import { getDatabase, type Database } from '@/lib/db'
import type { Actor } from '@/lib/multi-tenant/access/actor'

/**
 * The signed-in platform admin of a console page, with the database handle the services
 * take. Pages check for themselves: a layout's redirect does not stop a page rendering.
 */
export const requirePlatformAdmin = cache(async (): Promise<{ actor: Actor; db: Database }> => {
  const session = await getSessionFromHeaders(await headers())
  if (!session) redirect('/login?next=/admin')
  if (!session.isPlatformAdmin) notFound()
  return { actor: { claims: session.claims, ip: null }, db: await getDatabase() }
})
