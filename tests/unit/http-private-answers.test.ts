import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { route } from '@/lib/http/route'

const call = (handler: () => Promise<Response>) => route(handler)(new Request('http://app.example.com/api/x'), {})

describe('route answers are private unless the handler says otherwise', () => {
  it('marks a JSON answer no-store', async () => {
    expect((await call(async () => Response.json({ ok: true }))).headers.get('cache-control')).toBe('no-store')
  })

  it('marks an error answer no-store', async () => {
    const response = await call(async () => {
      throw new AppError('not_found', 'No such thing.')
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('marks a redirect no-store, though its headers cannot be changed in place', async () => {
    const response = await call(async () => Response.redirect('http://app.example.com/next', 303))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('http://app.example.com/next')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it("keeps a handler's own cache policy", async () => {
    const response = await call(async () => Response.json({}, { headers: { 'cache-control': 'private, max-age=60' } }))
    expect(response.headers.get('cache-control')).toBe('private, max-age=60')
  })
})
