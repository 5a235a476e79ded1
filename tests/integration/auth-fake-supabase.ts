import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/*
 * A loopback HTTP server that answers like Supabase Auth (GoTrue) for the calls the
 * app makes: password sign-in, refresh, sign-up, user, update user, logout and the
 * JWKS. Access tokens are ES256 JWTs signed with a key published in the JWKS, so the
 * client's getClaims() verifies them for real.
 */

type FakeUser = { id: string; email: string; password: string }
type FakeSession = { id: string; userId: string; refreshToken: string; revoked: boolean }
export type AuthCall = { method: string; path: string; scope?: string | null; body: Record<string, unknown> }

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url')

export class FakeSupabaseAuth {
  readonly users = new Map<string, FakeUser>()
  readonly sessions = new Map<string, FakeSession>()
  readonly calls: AuthCall[] = []
  /** Addresses signed up with confirmation on whose link has not been opened yet. */
  private unconfirmed = new Set<string>()
  /** PKCE challenges of sign-ups waiting for email confirmation, by email. */
  private readonly challenges = new Map<string, string>()
  private readonly codes = new Map<string, { email: string; challenge: string }>()
  /** Seconds an access token lives; tests set it negative to hand out expired tokens. */
  accessTokenTtl = 3600
  /** Sign-up answers without a session, as with email confirmation switched on. */
  requireEmailConfirmation = false
  onUserCreated: (user: { id: string; email: string }) => Promise<void> = async () => {}
  readonly kid = 'test-key-1'
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  private server: Server | undefined
  url = ''

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request)
        .then(({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json' })
          response.end(body === undefined ? '' : JSON.stringify(body))
        })
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ msg: String(error) }))
        })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  /** An ES256 access token; `signWith` lets a test forge one with a key the JWKS does not hold. */
  accessToken(user: FakeUser, sessionId: string, options: { ttl?: number; signWith?: 'own' | 'foreign' } = {}): string {
    const now = Math.floor(Date.now() / 1000)
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: this.kid }))
    const payload = b64url(
      JSON.stringify({
        iss: `${this.url}/auth/v1`,
        aud: 'authenticated',
        sub: user.id,
        email: user.email,
        role: 'authenticated',
        session_id: sessionId,
        iat: now,
        exp: now + (options.ttl ?? this.accessTokenTtl),
      }),
    )
    const key = options.signWith === 'foreign' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey : this.keys.privateKey
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' })
    return `${header}.${payload}.${b64url(signature)}`
  }

  sessionBody(user: FakeUser, session: FakeSession, ttl = this.accessTokenTtl): Record<string, unknown> {
    return {
      access_token: this.accessToken(user, session.id, { ttl }),
      token_type: 'bearer',
      expires_in: ttl,
      expires_at: Math.floor(Date.now() / 1000) + ttl,
      refresh_token: session.refreshToken,
      user: this.userBody(user),
    }
  }

  private userBody(user: FakeUser): Record<string, unknown> {
    return {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      app_metadata: {},
      user_metadata: {},
      created_at: new Date().toISOString(),
    }
  }

  /** What clicking the confirmation link yields: the code Supabase appends to the redirect URL. */
  confirmationCode(email: string): string {
    const challenge = this.challenges.get(email)
    if (!challenge) throw new Error(`no pending confirmation for ${email}`)
    const code = randomUUID()
    this.codes.set(code, { email, challenge })
    return code
  }

  /** The sb-…-auth-token cookie @supabase/ssr would write for this session. */
  sessionCookie(email: string, ttl = this.accessTokenTtl): string {
    const user = this.users.get(email)
    if (!user) throw new Error(`no user ${email}`)
    const session = this.sessionBody(user, this.newSession(user), ttl)
    return `sb-127-auth-token=base64-${b64url(JSON.stringify(session))}`
  }

  newSession(user: FakeUser): FakeSession {
    const session = { id: randomUUID(), userId: user.id, refreshToken: randomUUID(), revoked: false }
    this.sessions.set(session.refreshToken, session)
    return session
  }

  private userFromBearer(request: IncomingMessage): { user: FakeUser; sessionId: string } | null {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? ''
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
      sub?: string
      session_id?: string
    }
    const user = [...this.users.values()].find((candidate) => candidate.id === payload.sub)
    return user && payload.session_id ? { user, sessionId: payload.session_id } : null
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? '/', this.url)
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = (chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {}) as Record<string, unknown>
    this.calls.push({ method: request.method ?? '', path: url.pathname, scope: url.searchParams.get('scope'), body })
    const route = `${request.method} ${url.pathname}`
    const invalid = { status: 400, body: { error_code: 'invalid_credentials', msg: 'Invalid login credentials' } }

    if (route === 'GET /auth/v1/.well-known/jwks.json') {
      const jwk = this.keys.publicKey.export({ format: 'jwk' })
      return { status: 200, body: { keys: [{ ...jwk, kid: this.kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }] } }
    }
    if (route === 'POST /auth/v1/signup') {
      const email = String(body.email).toLowerCase()
      if (this.users.has(email)) return { status: 422, body: { error_code: 'user_already_exists', msg: 'User already registered' } }
      const user = { id: randomUUID(), email, password: String(body.password) }
      this.users.set(email, user)
      await this.onUserCreated(user)
      if (this.requireEmailConfirmation) {
        this.challenges.set(email, String(body.code_challenge))
        this.unconfirmed.add(email)
        return { status: 200, body: this.userBody(user) }
      }
      return { status: 200, body: this.sessionBody(user, this.newSession(user)) }
    }
    if (route === 'POST /auth/v1/token' && url.searchParams.get('grant_type') === 'password') {
      const user = this.users.get(String(body.email).toLowerCase())
      if (!user || user.password !== body.password) return invalid
      if (this.unconfirmed.has(user.email)) return { status: 400, body: { error_code: 'email_not_confirmed', msg: 'Email not confirmed' } }
      return { status: 200, body: this.sessionBody(user, this.newSession(user)) }
    }
    if (route === 'POST /auth/v1/token' && url.searchParams.get('grant_type') === 'pkce') {
      const pending = this.codes.get(String(body.auth_code))
      const verifier = createHash('sha256').update(String(body.code_verifier)).digest('base64url')
      const user = pending ? this.users.get(pending.email) : undefined
      if (!pending || !user || verifier !== pending.challenge) {
        return { status: 400, body: { error_code: 'flow_state_not_found', msg: 'invalid flow state' } }
      }
      this.codes.delete(String(body.auth_code))
      this.unconfirmed.delete(user.email)
      return { status: 200, body: this.sessionBody(user, this.newSession(user)) }
    }
    if (route === 'POST /auth/v1/token' && url.searchParams.get('grant_type') === 'refresh_token') {
      const session = this.sessions.get(String(body.refresh_token))
      const user = [...this.users.values()].find((candidate) => candidate.id === session?.userId)
      if (!session || session.revoked || !user) {
        return { status: 400, body: { error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token' } }
      }
      this.sessions.delete(session.refreshToken)
      const next = { ...session, refreshToken: randomUUID() }
      this.sessions.set(next.refreshToken, next)
      return { status: 200, body: this.sessionBody(user, next, 3600) }
    }
    const caller = this.userFromBearer(request)
    if (!caller) return { status: 401, body: { error_code: 'bad_jwt', msg: 'invalid JWT' } }
    if (route === 'GET /auth/v1/user') return { status: 200, body: this.userBody(caller.user) }
    if (route === 'PUT /auth/v1/user') {
      if (body.current_password !== caller.user.password) {
        return { status: 400, body: { error_code: 'invalid_credentials', msg: 'Current password is incorrect' } }
      }
      caller.user.password = String(body.password)
      return { status: 200, body: this.userBody(caller.user) }
    }
    if (route === 'POST /auth/v1/logout') {
      const scope = url.searchParams.get('scope') ?? 'global'
      for (const session of this.sessions.values()) {
        if (session.userId !== caller.user.id) continue
        const isCurrent = session.id === caller.sessionId
        if (scope === 'global' || (scope === 'local' && isCurrent) || (scope === 'others' && !isCurrent)) session.revoked = true
      }
      return { status: 204 }
    }
    return { status: 404, body: { msg: `no route ${route}` } }
  }
}
