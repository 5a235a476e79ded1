import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeOriginRoute } from '@/app/api/admin/tenants/[id]/widget-origins/[originId]/route'
import { GET as listOriginsRoute, POST as addOriginRoute } from '@/app/api/admin/tenants/[id]/widget-origins/route'
import { POST as chatRoute, OPTIONS as chatPreflight } from '@/app/api/widget/[slug]/chat/route'
import { GET as sessionRoute } from '@/app/api/widget/[slug]/session/route'
import { POST as tokenRoute, OPTIONS as tokenPreflight } from '@/app/api/widget/[slug]/token/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { errorBodySchema } from '@/lib/contracts/errors'
import {
  widgetAnswerSchema,
  widgetOriginListSchema,
  widgetOriginSchema,
  widgetSessionSchema,
  widgetTokenResponseSchema,
} from '@/lib/contracts/widget'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { identityHash, rotateIdentitySecret } from '@/lib/multi-tenant/end-users'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants'
import { readWidgetToken, signWidgetToken } from '@/lib/multi-tenant/widget'
import { keyRing } from '@/lib/secrets'
import { addMember, createUser, loginCookie } from '../support/auth'
import { answer, expectContract, expectNoContent } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, seedKnowledge, useLanguageModel } from './oracle-world'

/*
 * The widget's routes on a real database: admins keep the allowed origins (normalised,
 * unique, audited); widget.js gets a token only from an allowed origin, for a verified end
 * user whose hash is right or an anonymous visitor of a public tenant; the frame then asks
 * with that token alone, until it expires or its origin is removed.
 */

const SHOP = 'https://shop.acme-widget.test'
const ELSEWHERE = 'https://elsewhere.test'
const HOURS = 'The Acme workshop is open from 8 in the morning until 6 in the evening on weekdays.'

let db: TestDatabase
let acme: { id: string; slug: string }
let locked: { id: string; slug: string }
let adminCookie: string
let memberCookie: string
let identitySecret: string
let shopOriginId: string

const originsPath = (tenantId: string) => `/api/admin/tenants/${tenantId}/widget-origins`
const addOrigin = (origin: unknown, cookie = adminCookie, tenantId = acme.id) =>
  answer(addOriginRoute, { id: tenantId }, originsPath(tenantId), { method: 'POST', cookie, body: { origin } })
const listOrigins = (cookie = adminCookie) => answer(listOriginsRoute, { id: acme.id }, originsPath(acme.id), { cookie })

const widgetPath = (slug: string, path: string) => `/api/widget/${slug}/${path}`
const askForToken = (origin: string | null, body: unknown = {}, slug = acme.slug) =>
  answer(tokenRoute, { slug }, widgetPath(slug, 'token'), { method: 'POST', body, headers: origin ? { origin } : {} })
const withToken = (token: string, origin: string | null = SHOP) => ({
  authorization: `Bearer ${token}`,
  ...(origin ? { origin } : {}),
})
const askInWidget = (token: string, input: string, origin: string | null = SHOP) =>
  answer(chatRoute, { slug: acme.slug }, widgetPath(acme.slug, 'chat'), {
    method: 'POST',
    body: { input },
    headers: withToken(token, origin),
  })
const openSession = (token: string) =>
  answer(sessionRoute, { slug: acme.slug }, widgetPath(acme.slug, 'session'), { headers: withToken(token) })

async function verifiedToken(userId: string): Promise<string> {
  const reply = await askForToken(SHOP, { userId, userHash: identityHash(identitySecret, userId) })
  return expectContract(widgetTokenResponseSchema, reply, 200).token
}

const auditActions = () =>
  withService(db, (tx) =>
    tx.query<{ action: string; target_id: string }>(
      "select action, target_id from public.audit_logs where tenant_id = $1 and action like 'widget_origin.%' order by id",
      [acme.id],
    ),
  )

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  invalidateTenantRoutes()
  acme = await createLimitedTenant(db, { slug: 'acme-widget', name: 'Acme Widget', publicAccess: true }, { conversationsPerMonth: null })
  locked = await createLimitedTenant(db, { slug: 'locked-widget', name: 'Locked Widget' }, { conversationsPerMonth: null })
  await seedKnowledge(db, acme.id, new LocalEmbedder(), [{ title: 'Workshop hours', content: HOURS }])
  const admin = await createUser(db, { email: 'admin@acme-widget.test' })
  await addMember(db, acme.id, admin.userId, 'admin')
  await addMember(db, locked.id, admin.userId, 'admin')
  const member = await createUser(db, { email: 'member@acme-widget.test' })
  await addMember(db, acme.id, member.userId, 'user')
  adminCookie = await loginCookie(db, admin.userId)
  memberCookie = await loginCookie(db, member.userId)
  identitySecret = (await rotateIdentitySecret(actingAs(db, { sub: admin.userId }), acme.id)).secret ?? ''
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  invalidateTenantRoutes()
  await db.close()
})

describe('allowed origins, kept by the tenant’s admins', () => {
  it('adds an origin in its normal form (201), lists it, and audits the addition', async () => {
    const added = expectContract(widgetOriginSchema, await addOrigin('HTTPS://Shop.Acme-Widget.test:443/'), 201)
    expect(added.origin).toBe(SHOP)
    shopOriginId = added.id
    expect(expectContract(widgetOriginListSchema, await listOrigins(), 200).origins.map((entry) => entry.origin)).toEqual([SHOP])
    expect(await auditActions()).toEqual([{ action: 'widget_origin.add', target_id: added.id }])
  })

  it('refuses what is not an origin with a 400 naming the field, and the same origin twice with a 409', async () => {
    const bad = expectContract(errorBodySchema, await addOrigin('https://shop.acme-widget.test/checkout'), 400)
    expect(bad.error.details).toEqual({ fields: { origin: 'must be an origin only (scheme, host and port), without a path' } })
    expect(expectContract(errorBodySchema, await addOrigin(SHOP), 409).error.code).toBe('conflict')
  })

  it('is for admins only: a member who is not an admin gets 403 and changes nothing', async () => {
    expect((await addOrigin('https://member.test', memberCookie)).status).toBe(403)
    expect((await listOrigins(memberCookie)).status).toBe(403)
  })
})

describe('the widget token', () => {
  it('is issued to an allowed origin, with CORS for that origin, a frame on the tenant’s host and the tenant’s branding', async () => {
    const reply = await askForToken(SHOP)
    const issued = expectContract(widgetTokenResponseSchema, reply, 200)
    expect(reply.headers.get('access-control-allow-origin')).toBe(SHOP)
    expect(reply.headers.get('access-control-allow-credentials')).toBeNull()
    const frame = new URL(issued.frameUrl)
    expect(frame.hostname).toBe(`${acme.slug}.${process.env.PLATFORM_DOMAIN ?? 'localhost'}`)
    expect(frame.pathname).toBe('/embed')
    expect(frame.searchParams.get('origin')).toBe(SHOP)
    expect(issued.branding.tenantName).toBe('Acme Widget')
    const claims = readWidgetToken(issued.token, keyRing())
    expect(typeof claims === 'object' ? { tenantId: claims.tenantId, origin: claims.origin, endUser: claims.endUser } : claims).toEqual({
      tenantId: acme.id,
      origin: SHOP,
      endUser: null,
    })
  })

  it('is refused (403, the one error shape, no CORS) to an origin not on the list and to a request without an Origin', async () => {
    for (const origin of [ELSEWHERE, null]) {
      const reply = await askForToken(origin)
      expect(expectContract(errorBodySchema, reply, 403).error.code).toBe('forbidden')
      expect(reply.headers.get('access-control-allow-origin')).toBeNull()
    }
    const preflight = await answer(tokenPreflight, { slug: acme.slug }, widgetPath(acme.slug, 'token'), {
      method: 'OPTIONS',
      headers: { origin: ELSEWHERE },
    })
    expect(preflight.status).toBe(403)
  })

  it('answers the preflight of an allowed origin', async () => {
    const preflight = await answer(chatPreflight, { slug: acme.slug }, widgetPath(acme.slug, 'chat'), {
      method: 'OPTIONS',
      headers: { origin: SHOP },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization')
  })

  it('refuses a wrong user hash with a 401 the embedding page can read, and opens no session', async () => {
    const sessions = () =>
      withService(db, (tx) => tx.query('select 1 from public.tenant_end_user_sessions where tenant_id = $1', [acme.id]))
    const before = (await sessions()).length
    const reply = await askForToken(SHOP, { userId: 'customer-7', userHash: identityHash('not the secret', 'customer-7') })
    const refused = expectContract(errorBodySchema, reply, 401)
    expect(refused.error.message).toMatch(/user hash does not match/)
    expect(reply.headers.get('access-control-allow-origin')).toBe(SHOP)
    expect((await sessions()).length).toBe(before)
  })

  it('refuses an anonymous visitor of a private tenant, naming what the page must send', async () => {
    expect(expectContract(widgetOriginSchema, await addOrigin(SHOP, adminCookie, locked.id), 201).origin).toBe(SHOP)
    const refused = expectContract(errorBodySchema, await askForToken(SHOP, {}, locked.slug), 401)
    expect(refused.error.message).toContain('data-user-hash')
  })
})

describe('asking in the widget with the token', () => {
  it('answers a verified end user with sources, keeps the exchange in their own history and shows it when the frame reopens', async () => {
    const token = await verifiedToken('customer-42')
    const reply = await askInWidget(token, 'When is the workshop open?')
    const answered = expectContract(widgetAnswerSchema, reply, 200)
    expect(answered.knowledgeSources.map((source) => source.title)).toContain('Workshop hours')
    expect(answered.conversationId).toBeNull()
    const reopened = expectContract(widgetSessionSchema, await openSession(await verifiedToken('customer-42')), 200)
    expect(reopened.endUser).not.toBeNull()
    expect(reopened.messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(reopened.messages[1]?.sources.map((source) => source.title)).toContain('Workshop hours')
    const members = await withService(db, (tx) => tx.query('select 1 from public.tenant_conversations where tenant_id = $1', [acme.id]))
    expect(members).toHaveLength(0)
  })

  it('answers an anonymous visitor of a public tenant and keeps nothing for them', async () => {
    const token = expectContract(widgetTokenResponseSchema, await askForToken(SHOP), 200).token
    expect(
      expectContract(widgetAnswerSchema, await askInWidget(token, 'When is the workshop open?'), 200).knowledgeSources,
    ).not.toHaveLength(0)
    expect(expectContract(widgetSessionSchema, await openSession(token), 200)).toMatchObject({ endUser: null, messages: [] })
  })

  it('refuses an expired token, a forged one, and one whose session the database has closed (401)', async () => {
    const token = await verifiedToken('customer-43')
    const claims = readWidgetToken(token, keyRing())
    if (typeof claims === 'string') throw new Error(`token not readable: ${claims}`)
    const expired = signWidgetToken({ ...claims, expiresAt: Math.floor(Date.now() / 1000) - 1 }, keyRing())
    const expiredReply = expectContract(errorBodySchema, await askInWidget(expired, 'When is the workshop open?'), 401)
    expect(expiredReply.error.message).toContain('expired')
    expect((await askInWidget(`${token.slice(0, -2)}AA`, 'When is the workshop open?')).status).toBe(401)
    await withService(db, (tx) =>
      tx.query("update public.tenant_end_user_sessions set expires_at = now() - interval '1 second' where tenant_id = $1", [acme.id]),
    )
    expect((await askInWidget(token, 'When is the workshop open?')).status).toBe(401)
  })

  it('refuses the token from another site (403), or sent to another tenant’s widget (401)', async () => {
    const token = await verifiedToken('customer-44')
    expect(expectContract(errorBodySchema, await askInWidget(token, 'When is the workshop open?', ELSEWHERE), 403).error.code).toBe(
      'forbidden',
    )
    const other = await answer(chatRoute, { slug: locked.slug }, widgetPath(locked.slug, 'chat'), {
      method: 'POST',
      body: { input: 'When is the workshop open?' },
      headers: withToken(token),
    })
    expect(other.status).toBe(401)
  })

  it('embeds a tenant that is not serving nowhere: its origins stop counting, so no token is issued (403)', async () => {
    await withService(db, (tx) => tx.query("update public.tenants set status = 'suspended' where id = $1", [locked.id]))
    invalidateTenantRoutes()
    expect(expectContract(errorBodySchema, await askForToken(SHOP, {}, locked.slug), 403).error.code).toBe('forbidden')
  })

  it('stops an open widget as soon as its origin is removed (204, audited), with 403', async () => {
    const token = await verifiedToken('customer-45')
    expectNoContent(
      await answer(removeOriginRoute, { id: acme.id, originId: shopOriginId }, `${originsPath(acme.id)}/${shopOriginId}`, {
        method: 'DELETE',
        cookie: adminCookie,
      }),
    )
    expect((await askInWidget(token, 'When is the workshop open?')).status).toBe(403)
    expect((await askForToken(SHOP)).status).toBe(403)
    expect((await auditActions()).map((row) => row.action)).toEqual(['widget_origin.add', 'widget_origin.remove'])
  })
})
