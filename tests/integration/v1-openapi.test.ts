import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { GET } from '@/app/api/v1/openapi.json/route'

/*
 * The public API's OpenAPI document: valid OpenAPI 3.1 by a validator of its own, and a
 * faithful list of the routes: every route file under app/api/v1 with each method it
 * exports, and nothing else.
 */

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const modules = import.meta.glob<Record<string, unknown>>('../../app/api/v1/**/route.ts', { eager: true })

const routeOperations = Object.entries(modules)
  .flatMap(([file, exports]) => {
    const path = file.replace(/^.*\/app\/api\/v1/, '').replace(/\/route\.ts$/, '')
    return METHODS.filter((method) => typeof exports[method] === 'function').map((method) => `${method.toLowerCase()} ${path}`)
  })
  .sort()

type Document = { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>> }

async function served(): Promise<{ response: Response; document: Document }> {
  const response = GET()
  return { response, document: (await response.clone().json()) as Document }
}

describe('the OpenAPI document at /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { response, document } = await served()
    expect(response.status).toBe(200)
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document as unknown as Record<string, unknown>)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('lists every route of /api/v1 with each of its methods, and nothing more', async () => {
    const { document } = await served()
    const listed = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort()
    expect(routeOperations.length).toBeGreaterThanOrEqual(4)
    expect(listed).toEqual(routeOperations)
  })

  it('asks a key of every route but itself', async () => {
    const { document } = await served()
    const open = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security?.length === 0)
        .map(([method]) => `${method} ${path}`),
    )
    expect(open).toEqual(['get /openapi.json'])
  })
})
