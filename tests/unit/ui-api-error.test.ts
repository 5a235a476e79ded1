import { describe, expect, it } from 'vitest'
import { ApiError, apiErrorFrom, networkError, parseRetryAfter } from '@/lib/client/api-error'
import { describeWait, retryAfterSentence } from '@/lib/client/retry-after'

describe('apiErrorFrom', () => {
  it('reads code, message and field details from the API error shape', () => {
    const error = apiErrorFrom(
      400,
      {
        error: {
          code: 'bad_request',
          message: 'The request is not valid.',
          details: { fields: { slug: 'is reserved', 'limits.storageMb': 'must not be negative', bad: 3 } },
        },
      },
      null,
    )
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('bad_request')
    expect(error.message).toBe('The request is not valid.')
    expect(error.fields).toEqual({ slug: 'is reserved', 'limits.storageMb': 'must not be negative' })
  })

  it('keeps Retry-After seconds of a 429', () => {
    const error = apiErrorFrom(429, { error: { code: 'limit_reached', message: 'Monthly limit reached.' } }, '86400')
    expect(error.status).toBe(429)
    expect(error.retryAfterSeconds).toBe(86_400)
  })

  it('falls back to a readable message when the body is not our shape', () => {
    const error = apiErrorFrom(502, '<html>Bad gateway</html>', null)
    expect(error.code).toBe('internal')
    expect(error.message).toMatch(/our side/)
    expect(error.fields).toEqual({})
  })

  it('tells a cancelled request from a lost connection', () => {
    expect(networkError(new DOMException('x', 'AbortError')).code).toBe('aborted')
    expect(networkError(new TypeError('fetch failed')).code).toBe('network')
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })
})

describe('describeWait', () => {
  it('puts a wait into words at a sensible unit', () => {
    expect(describeWait(0)).toBe('a moment')
    expect(describeWait(20)).toBe('a few seconds')
    expect(describeWait(60)).toBe('about a minute')
    expect(describeWait(25 * 60)).toBe('about 25 minutes')
    expect(describeWait(3600)).toBe('about an hour')
    expect(describeWait(5 * 3600)).toBe('about 5 hours')
    expect(describeWait(12 * 86_400)).toBe('about 12 days')
  })

  it('says so when the server gave no Retry-After', () => {
    expect(retryAfterSentence(null)).toBe('Please try again later.')
    expect(retryAfterSentence(7200)).toBe('You can try again in about 2 hours.')
  })
})
