import { Alert } from '@/components/ui/alert'
import type { ApiError } from '@/lib/client/api-error'
import { retryAfterSentence } from '@/lib/client/retry-after'

/** Turns an oracle failure into a notice a person can act on. */
export function ChatNotice({ error, signInHref }: { error: ApiError; signInHref: string }) {
  if (error.code === 'limit_reached' || error.code === 'member_limit_reached') {
    return (
      <Alert tone="warning" title="Limit reached">
        <p>{error.message}</p>
        <p className="mt-1 font-medium">{retryAfterSentence(error.retryAfterSeconds)}</p>
      </Alert>
    )
  }
  // An `error` event arrives on a stream that began with 200: a limit that cut the answer short.
  if (error.code === 'rate_limited' && error.status === 200) {
    return (
      <Alert tone="warning" title="The answer was cut short">
        <p>{error.message}</p>
        <p className="mt-1 font-medium">{retryAfterSentence(error.retryAfterSeconds)}</p>
      </Alert>
    )
  }
  if (error.status === 429) {
    return (
      <Alert tone="warning" title="Slow down a little">
        <p>{error.message}</p>
        <p className="mt-1 font-medium">{retryAfterSentence(error.retryAfterSeconds)}</p>
      </Alert>
    )
  }
  if (error.status === 401) {
    return (
      <Alert tone="info" title="Please sign in">
        <p>
          Your session has ended.{' '}
          <a className="font-medium underline" href={signInHref}>
            Sign in again
          </a>{' '}
          to keep talking.
        </p>
      </Alert>
    )
  }
  if (error.code === 'tenant_inactive') {
    return (
      <Alert tone="warning" title="This assistant is paused">
        {error.message}
      </Alert>
    )
  }
  return (
    <Alert tone="error" title={error.code === 'network' ? 'Connection problem' : 'Something went wrong'}>
      {error.message}
    </Alert>
  )
}
