import { modelListSchema } from '@/lib/contracts/v1'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { listModels } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/** OpenAI's model list: `default`, the tenant's assistant (a key with `chat`). */
export const GET = keyRoute({ scope: 'chat' }, async ({ caller }) => contractJson(modelListSchema, await listModels(caller)))
