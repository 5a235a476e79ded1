import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ChatNotice } from '@/components/chat/chat-notice'
import { ApiError } from '@/lib/client/api-error'

const render = (error: ApiError) => renderToStaticMarkup(createElement(ChatNotice, { error, signInHref: '/login' }))

describe('ChatNotice', () => {
  it('tells the reader an answer was cut short by a rate limit mid-stream, and when to ask again', () => {
    const html = render(
      new ApiError({ status: 200, code: 'rate_limited', message: 'The rate limit cut this answer short.', retryAfterSeconds: 20 }),
    )
    expect(html).toContain('The answer was cut short')
    expect(html).toContain('The rate limit cut this answer short.')
    expect(html).toContain('You can try again in a few seconds.')
  })

  it('keeps the slow-down notice for a question refused by a rate limit before any answer (429)', () => {
    const html = render(new ApiError({ status: 429, code: 'rate_limited', message: 'Too many questions.', retryAfterSeconds: 120 }))
    expect(html).toContain('Slow down a little')
    expect(html).not.toContain('cut short')
  })
})
