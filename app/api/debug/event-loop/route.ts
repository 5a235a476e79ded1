import { AppError } from '@/lib/errors'
import { contractJson, route } from '@/lib/http/route'
import { eventLoopDelayResponseSchema } from '@/lib/contracts/health'
import { readEventLoopDelay } from '@/lib/debug/event-loop'

export const dynamic = 'force-dynamic'

/** Figures since the last call; 404 unless the server runs with DEBUG_EVENT_LOOP=1. */
export const GET = route(async () => {
  const figures = readEventLoopDelay()
  if (!figures) throw new AppError('not_found', 'Nothing is served at this address.')
  return contractJson(eventLoopDelayResponseSchema, figures, { headers: { 'cache-control': 'no-store' } })
})
