import { clientIp } from '@/lib/http/client-ip'
import { requireSession } from '@/lib/auth'
import type { Actor } from './actor'

/** The signed-in caller of an admin route (401 without a session). */
export async function requireActor(request: Request): Promise<Actor> {
  const session = await requireSession(request)
  return { claims: session.claims, ip: clientIp(request) }
}
