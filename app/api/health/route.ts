import { json, route } from '@/lib/http/route'
import { checkHealth } from '@/lib/health'

export const dynamic = 'force-dynamic'

export const GET = route(async () => {
  const health = await checkHealth()
  return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } })
})
