import { route } from '@/lib/http/route'
import { AppError, toAppError } from '@/lib/errors'
import { authMode } from '@/lib/auth'
import { withCookies } from '@/lib/auth/auth-result'
import { safeNextPath } from '@/lib/client/safe-url'

export const dynamic = 'force-dynamic'

/**
 * Supabase mode: the email-confirmation link lands here with `?code=`; the code is
 * exchanged for a session and the browser goes on to `next` (default `/`).
 */
export const GET = route(async (request: Request) => {
  if (authMode() !== 'supabase') throw new AppError('not_found', 'Nothing to confirm here.')
  const url = new URL(request.url)
  const code = url.searchParams.get('code')
  const target = new URL(safeNextPath(url.searchParams.get('next'), '/'), url.origin)
  if (!code) {
    target.searchParams.set('authError', 'missing_code')
    return Response.redirect(target, 303)
  }
  const { exchangeConfirmationCode } = await import('@/lib/auth/supabase/provider')
  try {
    const changes = await exchangeConfirmationCode(request, code)
    return withCookies(new Response(null, { status: 303, headers: { location: target.toString() } }), changes)
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) throw appError
    target.searchParams.set('authError', 'confirmation_failed')
    return Response.redirect(target, 303)
  }
})
