import { isIP } from 'node:net'
import { config } from '@/lib/env'

/**
 * The caller's IP address for audit rows and rate limits, or null when unknown.
 * X-Forwarded-For / X-Real-IP are only believed when TRUST_PROXY says a proxy we run
 * sets them; otherwise any client could claim any address.
 */
export function clientIp(request: Request): string | null {
  if (!config().TRUST_PROXY) return null
  const forwarded = request.headers.get('x-forwarded-for')
  // The left-most entry is the original client; proxies append to the right.
  const first = forwarded?.split(',')[0]?.trim()
  if (first && isIP(first)) return first
  const real = request.headers.get('x-real-ip')?.trim()
  if (real && isIP(real)) return real
  return null
}
