import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiFetch, ApiError } from '@/lib/client/api'
import { memberListResponseSchema } from '@/lib/contracts/members'
import { noContentSchema } from '@/lib/contracts/no-content'

const member = { userId: 'u1', email: 'a@example.com', role: 'admin', createdAt: '2026-01-01T00:00:00.000Z' }

function answering(status: number, body: unknown): void {
  const response = body === null ? new Response(null, { status }) : Response.json(body, { status })
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('apiFetch with a contract', () => {
  it('resolves with the body the contract describes', async () => {
    answering(200, { members: [member], invitations: [] })
    await expect(apiFetch('/api/x', memberListResponseSchema)).resolves.toEqual({ members: [member], invitations: [] })
  })

  it('rejects a payload whose keys drifted (snake_case) with a contract ApiError', async () => {
    const { userId, ...rest } = member
    answering(200, { members: [{ ...rest, user_id: userId }], invitations: [] })
    const failure = await apiFetch('/api/x', memberListResponseSchema).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 200, code: 'contract' })
  })

  it('rejects a payload under another wrapper key or with an extra key', async () => {
    answering(200, { items: [member], invitations: [] })
    await expect(apiFetch('/api/x', memberListResponseSchema)).rejects.toMatchObject({ code: 'contract' })
    answering(200, { members: [member], invitations: [], total: 1 })
    await expect(apiFetch('/api/x', memberListResponseSchema)).rejects.toMatchObject({ code: 'contract' })
  })

  it('reads a 204 as null, and a refusal stays the API error, not a contract error', async () => {
    answering(204, null)
    await expect(apiFetch('/api/x', noContentSchema, { method: 'DELETE' })).resolves.toBeNull()
    answering(429, { error: { code: 'limit_reached', message: 'Monthly limit reached.' } })
    await expect(apiFetch('/api/x', memberListResponseSchema)).rejects.toMatchObject({ status: 429, code: 'limit_reached' })
  })
})
