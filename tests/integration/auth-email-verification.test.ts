import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { POST as resendRoute } from '@/app/api/auth/verify-email/resend/route'
import { POST as verifyRoute } from '@/app/api/auth/verify-email/route'
import { setClockForTests } from '@/lib/auth/clock'
import { setDatabaseForTests } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { listOutbox } from '@/lib/mail/outbox'
import { actingAs } from '@/lib/multi-tenant/access/caller'
import { apiRequest, cookieFrom, createUser, makePlatformAdmin, withoutParams } from '@/tests/support/auth'
import { mailedToken, startSmtpInbox, VERIFY_LINK, type SmtpInbox } from '@/tests/support/mailbox'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const signup = withoutParams(signupRoute)
const login = withoutParams(loginRoute)
const verify = withoutParams(verifyRoute)
const resend = withoutParams(resendRoute)
const sessionRoute = withoutParams(getSession)

let db: TestDatabase
let inbox: SmtpInbox
const password = 'my own passphrase'
const saved = { ...process.env }

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})
afterEach(async () => {
  process.env = { ...saved }
  resetConfigForTests()
  await inbox?.close()
})

async function useSmtp(credentials?: { user: string; pass: string }, implicitTls = false) {
  inbox = await startSmtpInbox(credentials, implicitTls)
  process.env.SMTP_URL = inbox.url
  process.env.MAIL_FROM = 'Oracle <no-reply@oracle.test>'
  resetConfigForTests()
}
const post = (path: string, body: unknown) => apiRequest(path, { method: 'POST', body })
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code
/** The link of the newest mail the SMTP server received for `to`, from its decoded text part. */
function linkFor(to: string): { origin: string; token: string } {
  const mail = [...inbox.mails].reverse().find((candidate) => candidate.envelopeTo.includes(to))
  const match = VERIFY_LINK.exec(mail?.text ?? '')
  if (!match?.[1] || !match[2]) throw new Error(`no verification link was mailed to ${to}`)
  return { origin: match[1], token: match[2] }
}

describe('email verification through a real SMTP server', () => {
  it('mails <origin>/verify-email?token=…; sign-in is 403 email_unverified until the link is followed, then works', async () => {
    await useSmtp({ user: 'mailer', pass: 's3cret pass' })
    expect((await signup(post('/api/auth/signup', { email: 'Owner@Example.com', password }))).status).toBe(202)
    const [mail] = inbox.mails
    expect(mail?.envelopeTo).toEqual(['owner@example.com'])
    expect(mail?.from?.text).toBe('"Oracle" <no-reply@oracle.test>')
    expect(mail?.subject).toBe('Verify your email address')
    const { origin, token } = linkFor('owner@example.com')
    expect(origin).toBe('http://localhost')

    const early = await login(post('/api/auth/login', { email: 'owner@example.com', password }))
    expect(early.status).toBe(403)
    expect(await errorCode(early)).toBe('email_unverified')
    expect(early.headers.getSetCookie()).toEqual([])

    const verified = await verify(post('/api/auth/verify-email', { token }))
    expect(verified.status).toBe(200)
    expect(await verified.json()).toEqual({ verified: true, returnTo: null })
    const signedIn = await login(post('/api/auth/login', { email: 'owner@example.com', password }))
    expect(signedIn.status).toBe(200)
    expect((await sessionRoute(apiRequest('/api/auth/session', { cookie: cookieFrom(signedIn) }))).status).toBe(200)
    expect((await verify(post('/api/auth/verify-email', { token }))).status).toBe(404)
  })

  it('sends over smtps:// (TLS from the first byte) with credentials', async () => {
    await useSmtp({ user: 'mailer', pass: 's3cret pass' }, true)
    expect(inbox.url).toMatch(/^smtps:\/\//)
    expect((await signup(post('/api/auth/signup', { email: 'tls@example.com', password }))).status).toBe(202)
    expect(linkFor('tls@example.com').token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('tells a wrong password apart from nothing: an unverified account with a wrong password is the usual 401', async () => {
    await useSmtp()
    await signup(post('/api/auth/signup', { email: 'quiet@example.com', password }))
    const wrong = await login(post('/api/auth/login', { email: 'quiet@example.com', password: 'not my passphrase' }))
    expect(wrong.status).toBe(401)
  })

  it("does not let a squatter's unverified registration block the owner: the owner's link sets the owner's password", async () => {
    await useSmtp()
    await signup(post('/api/auth/signup', { email: 'cfo@example.com', password: 'the squatter password' }))
    await signup(post('/api/auth/signup', { email: 'cfo@example.com', password }))
    const ownersLink = linkFor('cfo@example.com')
    expect((await verify(post('/api/auth/verify-email', ownersLink))).status).toBe(200)
    expect((await login(post('/api/auth/login', { email: 'cfo@example.com', password }))).status).toBe(200)
    expect((await login(post('/api/auth/login', { email: 'cfo@example.com', password: 'the squatter password' }))).status).toBe(401)
  })

  it('resends a link only to an unverified account, answering 202 the same for any address', async () => {
    await useSmtp()
    await signup(post('/api/auth/signup', { email: 'forgetful@example.com', password }))
    await createUser(db, { email: 'verified@example.com' })
    const sent = inbox.mails.length
    const answers = await Promise.all(
      ['verified@example.com', 'nobody@example.com'].map((email) => resend(post('/api/auth/verify-email/resend', { email }))),
    )
    expect(answers.map((answer) => answer.status)).toEqual([202, 202])
    expect(inbox.mails.length).toBe(sent)
    // Within a minute of the last link nothing new goes out; after that, a fresh link.
    await resend(post('/api/auth/verify-email/resend', { email: 'forgetful@example.com' }))
    expect(inbox.mails.length).toBe(sent)
    setClockForTests(() => new Date(Date.now() + 61_000))
    try {
      await resend(post('/api/auth/verify-email/resend', { email: 'forgetful@example.com' }))
    } finally {
      setClockForTests(undefined)
    }
    expect(inbox.mails.length).toBe(sent + 1)
    expect((await verify(post('/api/auth/verify-email', linkFor('forgetful@example.com')))).status).toBe(200)
  })

  it('answers 503 in the JSON shape when the SMTP server refuses the credentials', async () => {
    await useSmtp({ user: 'mailer', pass: 'right' })
    process.env.SMTP_URL = inbox.url.replace('right', 'wrong')
    resetConfigForTests()
    const response = await signup(post('/api/auth/signup', { email: 'unlucky@example.com', password }))
    expect(response.status).toBe(503)
    expect(await errorCode(response)).toBe('unavailable')
  })
})

describe('the local outbox (no SMTP_URL)', () => {
  it('keeps the mail, which platform admins can read and nobody else can', async () => {
    await signup(post('/api/auth/signup', { email: 'outboxed@example.com', password }))
    const token = await mailedToken(db, 'outboxed@example.com', VERIFY_LINK)
    const admin = await createUser(db, { email: 'root@example.com' })
    await makePlatformAdmin(db, admin.userId)
    const someone = await createUser(db, { email: 'curious@example.com' })
    const seen = await listOutbox(actingAs(db, { sub: admin.userId, email: 'root@example.com' }))
    expect(seen.find((mail) => mail.to === 'outboxed@example.com')?.text).toContain(`/verify-email?token=${token}`)
    expect(await listOutbox(actingAs(db, { sub: someone.userId, email: 'curious@example.com' }))).toEqual([])
    expect((await verify(post('/api/auth/verify-email', { token }))).status).toBe(200)
  })
})
