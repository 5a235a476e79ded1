import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError, errorResponse, toAppError } from '@/lib/errors'

describe('errors', () => {
  it('renders the one JSON error shape with the status of its code', async () => {
    const response = errorResponse(new AppError('not_found', 'No such tenant.'))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such tenant.' } })
  })

  it('sets Retry-After on limit errors', () => {
    const response = errorResponse(new AppError('limit_reached', 'Monthly limit reached.', { retryAfterSeconds: 12.2 }))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('13')
  })

  it('turns zod failures into 400 with field messages', async () => {
    const result = z.object({ name: z.string() }).safeParse({ name: 3 })
    const response = errorResponse(result.error)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { details: { fields: Record<string, string> } } }
    expect(Object.keys(body.error.details.fields)).toEqual(['name'])
  })

  it('maps database errors and our own SQLSTATEs', () => {
    expect(toAppError({ code: '23505', message: 'duplicate key' }).status).toBe(409)
    expect(toAppError({ code: '42501', message: 'permission denied' }).status).toBe(403)
    const own = toAppError(Object.assign(new Error('A tenant must keep at least one admin.'), { code: 'OR409' }))
    expect(own.code).toBe('conflict')
    expect(own.message).toMatch(/at least one admin/)
  })

  it('hides unknown failures behind a 500 without their text', async () => {
    const response = errorResponse(new Error('secret connection string'))
    expect(response.status).toBe(500)
    expect(JSON.stringify(await response.json())).not.toMatch(/secret/)
  })
})
