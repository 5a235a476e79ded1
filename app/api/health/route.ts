import { contractJson, route } from '@/lib/http/route'
import { healthResponseSchema } from '@/lib/contracts/health'
import { checkHealth } from '@/lib/health'

export const dynamic = 'force-dynamic'

export const GET = route(async () => {
  const health = await checkHealth()
  return contractJson(healthResponseSchema, health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  })
})
