import { openApiDocument } from '@/lib/contracts/openapi'
import { appVersion } from '@/lib/version'

export const dynamic = 'force-dynamic'

/** The OpenAPI 3.1 document of /api/v1, from the contracts; public (it names no tenant), so shared caches may keep it a while. */
export function GET(): Response {
  return Response.json(openApiDocument(appVersion), { headers: { 'cache-control': 'public, max-age=300' } })
}
