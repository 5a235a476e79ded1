import { createServerClient, parseCookieHeader, serializeCookieHeader, type CookieOptions } from '@supabase/ssr'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { WebSocketLikeConstructor } from '@supabase/realtime-js'
import type { NextRequest, NextResponse } from 'next/server'
import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import type { Claims } from '@/lib/db'
import { isSupabaseAuthCookie } from '@/lib/auth/cookies'
import { claimsFromSupabase } from './claims'

type CookieWrite = { name: string; value: string; options: CookieOptions }

/**
 * supabase-js builds a Realtime client with every client and needs a WebSocket
 * constructor for it; Node 20 has no global WebSocket. The server never opens a
 * Realtime channel, so it gets a constructor that refuses to be used.
 */
class NoServerRealtime {
  constructor() {
    throw new Error('Supabase Realtime is not used on the server.')
  }
}

/** The `realtime` option of every server-side Supabase client. */
export const SERVER_REALTIME = { transport: NoServerRealtime as unknown as WebSocketLikeConstructor }

function clientOptions(secure: boolean) {
  return {
    cookieOptions: { httpOnly: true, secure, sameSite: 'lax' as const, path: '/' },
    realtime: SERVER_REALTIME,
  }
}

/** A per-request Supabase client and the cookies it wants written to the response. */
export type SupabaseRequestClient = {
  client: SupabaseClient
  /** Set-Cookie header values (session written, refreshed or cleared) and cache headers. */
  responseCookies(): string[]
  responseHeaders(): Record<string, string>
}

function supabaseSettings(): { url: string; key: string } {
  const env = config()
  if (!env.NEXT_PUBLIC_SUPABASE_URL || !env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) {
    throw new AppError('internal', 'Supabase auth is not configured.')
  }
  return { url: env.NEXT_PUBLIC_SUPABASE_URL, key: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY }
}

/**
 * `createServerClient` over a request's Cookie header. Writes are collected, and later
 * reads in the same request see them (sign in, then read the claims).
 * The server alone reads these cookies, so they are httpOnly.
 */
export function supabaseForRequest(cookieHeader: string | null, secure: boolean): SupabaseRequestClient {
  const { url, key } = supabaseSettings()
  let current = parseCookieHeader(cookieHeader ?? '').map(({ name, value }) => ({ name, value: value ?? '' }))
  const writes = new Map<string, CookieWrite>()
  const headers: Record<string, string> = {}
  const client = createServerClient(url, key, {
    ...clientOptions(secure),
    cookies: {
      getAll: () => current,
      setAll(cookies, cacheHeaders) {
        for (const cookie of cookies) writes.set(cookie.name, cookie)
        Object.assign(headers, cacheHeaders)
        const written = new Set(cookies.map((cookie) => cookie.name))
        current = [
          ...current.filter((cookie) => !written.has(cookie.name)),
          ...cookies.filter((cookie) => cookie.value !== '').map(({ name, value }) => ({ name, value })),
        ]
      },
    },
  })
  return {
    client,
    responseCookies: () => [...writes.values()].map(({ name, value, options }) => serializeCookieHeader(name, value, options)),
    responseHeaders: () => ({ ...headers }),
  }
}

/** The verified claims of the request's Supabase session, or null (no session, expired, bad signature). */
export async function supabaseClaims(cookieHeader: string | null): Promise<Claims | null> {
  if (!parseCookieHeader(cookieHeader ?? '').some(({ name }) => isSupabaseAuthCookie(name))) return null
  const { client } = supabaseForRequest(cookieHeader, false)
  const { data, error } = await client.auth.getClaims()
  return error ? null : claimsFromSupabase(data?.claims)
}

/**
 * For proxy.ts: refreshes an expiring Supabase session before the page or route runs.
 * `makeResponse` builds the proxy's response (NextResponse.next or a rewrite) from the
 * request; it is called again after a refresh so the route sees the new cookies too,
 * and the refreshed cookies are set on the response the browser gets.
 */
export async function refreshSupabaseSession(
  request: NextRequest,
  makeResponse: (request: NextRequest) => NextResponse,
): Promise<NextResponse> {
  const { url, key } = supabaseSettings()
  let response = makeResponse(request)
  const secure = request.nextUrl.protocol === 'https:'
  const supabase = createServerClient(url, key, {
    ...clientOptions(secure),
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll(cookies, cacheHeaders) {
        for (const { name, value } of cookies) request.cookies.set(name, value)
        response = makeResponse(request)
        for (const { name, value, options } of cookies) response.cookies.set(name, value, options)
        for (const [header, value] of Object.entries(cacheHeaders)) response.headers.set(header, value)
      },
    },
  })
  // getClaims refreshes an expired access token through setAll; its answer is not needed here.
  await supabase.auth.getClaims()
  return response
}
