import { expect, test, type Browser, type Page } from '@playwright/test'
import { sessionList, submitPasswordChange } from './support/account'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask, expectNoScriptRan } from './support/chat'
import { expectAccessible, expectFinishedInBothSchemes, saveScreenshots } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { HOSTILE_MARKDOWN, NOTES_ZIP, PDF } from './support/documents'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox, type Mailbox } from './support/mailbox'
import { ADMIN_A, MEMBER_A, MEMBER_B, TENANT_A, TENANT_B } from './support/people'

/*
 * One story, in order, against the built app on a fresh database: each step builds on
 * the one before (tenant -> admin -> knowledge -> member -> answers -> limits).
 */
test.describe.configure({ mode: 'serial' })

const pages: Record<'console' | 'adminA' | 'memberA' | 'memberB', Page | undefined> = {
  console: undefined,
  adminA: undefined,
  memberA: undefined,
  memberB: undefined,
}
const dialogs: string[] = []
let tenantAConsoleUrl = ''
let mailbox: Mailbox | undefined

function mail(): Mailbox {
  if (!mailbox) throw new Error('the mailbox was not opened by an earlier step')
  return mailbox
}

async function freshPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return page
}

function opened(name: keyof typeof pages): Page {
  const found = pages[name]
  if (!found) throw new Error(`the ${name} page was not opened by an earlier step`)
  return found
}

test('a platform admin creates a tenant in the console, with validation messages from the API', async ({ browser }) => {
  const consolePage = (pages.console = await freshPage(browser))
  mailbox = await openMailbox(browser)
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await expect(consolePage.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible()

  await consolePage.getByRole('link', { name: 'New tenant' }).click()
  await consolePage.getByLabel('Name').fill(TENANT_A.name)
  await consolePage.getByLabel('Slug').fill('admin')
  await consolePage.getByRole('button', { name: 'Create tenant' }).click()
  await expect(consolePage.getByText(/is reserved/)).toBeVisible()
  await expect(consolePage.getByLabel('Slug')).toHaveAttribute('aria-invalid', 'true')

  tenantAConsoleUrl = await createTenantInConsole(consolePage, TENANT_A)
  await expect(consolePage.getByText('Hash chain intact')).toBeVisible()
})

test('the invited tenant admin uploads a PDF on the tenant host and sees it listed', async ({ browser }) => {
  const inviteUrl = await inviteMember(opened('console'), mail(), ADMIN_A.email, 'admin')
  const admin = (pages.adminA = await freshPage(browser))
  await acceptInvitationAsNewUser(admin, mail(), inviteUrl, ADMIN_A.email, ADMIN_A.password)
  await signIn(admin, tenantUrl(TENANT_A.slug, '/login'), ADMIN_A.email, ADMIN_A.password)
  await admin.getByRole('link', { name: 'Dashboard' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Knowledge' })).toBeVisible()

  await admin.getByLabel('Choose files').setInputFiles([
    { name: PDF.name, mimeType: 'application/pdf', buffer: await PDF.bytes() },
    { name: HOSTILE_MARKDOWN.name, mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE_MARKDOWN.text) },
  ])
  const uploads = admin.getByTestId('upload-item')
  await expect(uploads).toHaveCount(2)
  await expect(uploads.filter({ hasText: 'Added' })).toHaveCount(2)
  const documents = admin.getByRole('list', { name: 'Documents' })
  await expect(documents.getByText(/aurora.cove/i)).toBeVisible()
  await expect(documents.getByText(/harbour.lantern/i)).toBeVisible()

  await admin.getByLabel('Try a search').fill('Aurora Cove check-in')
  await admin.getByRole('button', { name: 'Search' }).click()
  await expect(
    admin
      .getByRole('list', { name: 'Search results' })
      .getByText(/score \d/)
      .first(),
  ).toBeVisible()
})

test("the tenant admin imports a .zip of notes, watches each file's job live, then re-indexes", async () => {
  const admin = opened('adminA')
  await admin.getByRole('button', { name: 'Clear finished' }).click()
  await admin.getByLabel('Choose files').setInputFiles([{ name: NOTES_ZIP.name, mimeType: 'application/zip', buffer: NOTES_ZIP.bytes() }])
  const summary = admin.getByTestId('upload-summary')
  // Jobs report back over server-sent events while they run: the page is never reloaded.
  await expect(admin.getByRole('progressbar', { name: 'All uploads' })).toBeVisible()
  await expect(summary).toContainText(`${NOTES_ZIP.count} of ${NOTES_ZIP.count} files finished`, { timeout: 120_000 })
  await expect(admin.getByTestId('upload-item').filter({ hasText: 'Added' })).toHaveCount(NOTES_ZIP.count)
  await expect(
    admin
      .getByRole('list', { name: 'Documents' })
      .getByText(/Team note \d+/)
      .first(),
  ).toBeVisible()

  const index = admin.getByTestId('knowledge-index')
  await index.getByRole('button', { name: 'Re-index' }).click()
  await expect(index.getByTestId('pending-chunks')).toContainText('Up to date')
  await expect(index.getByRole('button', { name: 'Re-index' })).toBeEnabled()
  await expect(index).not.toContainText('failed')
})

test('a member on the tenant host asks and sees a streamed answer with a source from that PDF', async ({ browser }) => {
  const admin = opened('adminA')
  await admin.getByRole('link', { name: 'Members' }).click()
  const inviteUrl = await inviteMember(admin, mail(), MEMBER_A.email, 'user')
  expect(inviteUrl.startsWith(tenantUrl(TENANT_A.slug, '/invite/'))).toBe(true)

  const member = (pages.memberA = await freshPage(browser))
  await acceptInvitationAsNewUser(member, mail(), inviteUrl, MEMBER_A.email, MEMBER_A.password)
  await expect(member.getByRole('link', { name: TENANT_A.name })).toBeVisible()

  const { answer, contentType } = await ask(member, PDF.question)
  expect(contentType).toContain('text/event-stream')
  await expect(answer).toContainText(PDF.fact)
  await expect(answer.getByText('Offline mode', { exact: true })).toBeVisible()
  const source = answer.getByRole('button', { name: /aurora.cove/i }).first()
  await source.click()
  const passage = member.getByRole('dialog')
  await expect(passage).toContainText(/check-in/i)
  await member.keyboard.press('Escape')
  await expect(passage).toBeHidden()

  await answer.getByRole('button', { name: 'Helpful answer' }).click()
  await expect(answer.getByRole('button', { name: 'Helpful answer' })).toHaveAttribute('aria-pressed', 'true')
  await expect(member.getByRole('navigation', { name: 'Your conversations' }).getByRole('button').nth(1)).toBeVisible()
})

test("another tenant's visitors and members, on its own host, cannot see that PDF", async ({ browser }) => {
  const consolePage = opened('console')
  await createTenantInConsole(consolePage, TENANT_B)
  const inviteUrl = await inviteMember(consolePage, mail(), MEMBER_B.email, 'user')

  const member = (pages.memberB = await freshPage(browser))
  await member.goto(tenantUrl(TENANT_B.slug))
  await expect(member.getByText('You are chatting as a visitor')).toBeVisible()
  const asVisitor = await ask(member, PDF.question)
  await expect(asVisitor.answer).toContainText(/nothing relevant/i)
  await expect(asVisitor.answer.getByRole('button', { name: /aurora/i })).toHaveCount(0)
  await expectAccessible(member, 'visitor chat')
  await saveScreenshots(member, 'chat-visitor', ['phone'], false)

  await acceptInvitationAsNewUser(member, mail(), inviteUrl, MEMBER_B.email, MEMBER_B.password)
  await signIn(member, tenantUrl(TENANT_B.slug, '/login'), MEMBER_B.email, MEMBER_B.password)
  const { answer } = await ask(member, PDF.question)
  await expect(answer).toContainText(/nothing relevant/i)
  await expect(answer.getByRole('button', { name: /aurora/i })).toHaveCount(0)
  await expect(answer).not.toContainText(/3 pm/)

  // The first tenant's search route, called from the second tenant's page with its session.
  const probe = await member.evaluate(async (slug) => {
    const response = await fetch(`/api/tenant/${slug}/knowledge/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'Aurora Cove check-in' }),
    })
    return { status: response.status, body: await response.text() }
  }, TENANT_A.slug)
  expect([403, 404]).toContain(probe.status)
  expect(probe.body).not.toMatch(/3 pm/)
})

test('a <script> or javascript: link inside a document never runs', async () => {
  const member = opened('memberA')
  const { answer } = await ask(member, HOSTILE_MARKDOWN.question)
  await expect(answer).toContainText(/cobalt/i)
  await answer
    .getByRole('button', { name: /harbour.lantern/i })
    .first()
    .click()
  // The hostile markup reached the page, as inert text.
  await expect(member.getByRole('dialog')).toContainText('window.__pwned')
  await expectNoScriptRan(member, dialogs)
  await member.keyboard.press('Escape')
})

test('the main pages have no serious or critical accessibility violations in the light and the dark scheme, and none scrolls sideways on a phone (screenshots saved)', async ({
  browser,
}) => {
  // About fifteen pages, each through axe twice and four screenshots: minutes on a loaded 2-core machine.
  test.setTimeout(420_000)
  const visitor = await freshPage(browser)
  for (const [name, url] of [
    ['landing', platformUrl('/')],
    ['platform-login', platformUrl('/login')],
    ['tenant-login', tenantUrl(TENANT_A.slug, '/login')],
  ] as const) {
    await visitor.goto(url)
    await expectFinishedInBothSchemes(visitor, name)
  }

  const consolePage = opened('console')
  for (const [name, url] of [
    ['console-tenants', '/admin'],
    ['console-tenant', tenantAConsoleUrl],
    ['console-audit', '/admin/audit'],
    ['console-account', '/account'],
  ] as const) {
    await consolePage.goto(url)
    await expect(consolePage.getByRole('heading', { level: 1 })).toBeVisible()
    if (name === 'console-account') await expect(sessionList(consolePage)).toBeVisible()
    await expectFinishedInBothSchemes(consolePage, name)
  }

  const member = opened('memberA')
  await expectFinishedInBothSchemes(member, 'chat', false)

  const admin = opened('adminA')
  for (const section of ['', '/personality', '/members', '/usage', '/audit']) {
    await admin.goto(tenantUrl(TENANT_A.slug, `/dashboard${section}`))
    await expect(admin.getByRole('heading', { level: 1 })).toBeVisible()
    if (section === '/personality') {
      await admin.getByRole('button', { name: 'Preview answer' }).click()
      await expect(admin.getByRole('region', { name: 'Preview answer' })).toContainText(/\w+/)
    }
    if (section === '/usage') await expect(admin.getByText('Conversations per day')).toBeVisible()
    const name = `dashboard${section.replace('/', '-') || '-knowledge'}`
    await expectFinishedInBothSchemes(admin, name)
  }

  await admin.goto(tenantUrl(TENANT_A.slug, '/account'))
  await expect(sessionList(admin)).toBeVisible()
  await expectFinishedInBothSchemes(admin, 'tenant-account')
})

test('the tenant admin makes an API key in the dashboard, its code asks through /api/v1, and revoking it stops it', async () => {
  const admin = opened('adminA')
  await admin.goto(tenantUrl(TENANT_A.slug, '/dashboard/api-keys'))
  await expect(admin.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible()
  await admin.getByLabel('Name').fill('Website')
  await admin.getByRole('checkbox', { name: /knowledge:read/ }).check()
  await admin.getByRole('button', { name: 'Create key' }).click()
  const secret = ((await admin.getByTestId('new-api-key').textContent()) ?? '').trim()
  expect(secret).toMatch(/^oak_[A-Za-z0-9_-]{43}$/)
  const row = admin.getByRole('listitem').filter({ hasText: 'Website' })
  await expect(row).toContainText(secret.slice(0, 12))
  await expectAccessible(admin, 'dashboard-api-keys')
  await saveScreenshots(admin, 'dashboard-api-keys', ['laptop', 'phone'])

  // What the tenant's own code does, from any origin: the key alone says who is asking.
  const complete = (key: string) =>
    admin.evaluate(
      async ({ bearer, question }) => {
        const response = await fetch('/api/v1/chat/completions', {
          method: 'POST',
          credentials: 'omit',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'default', messages: [{ role: 'user', content: question }] }),
        })
        const body = (await response.json()) as { choices?: { message: { content: string; sources: { title: string }[] } }[] }
        return {
          status: response.status,
          content: body.choices?.[0]?.message.content ?? '',
          sources: body.choices?.[0]?.message.sources ?? [],
        }
      },
      { bearer: key, question: PDF.question },
    )
  const answered = await complete(secret)
  expect(answered.status).toBe(200)
  expect(answered.content).toMatch(PDF.fact)
  expect(answered.sources.length).toBeGreaterThan(0)

  await row.getByRole('button', { name: 'Revoke' }).click()
  await row.getByRole('button', { name: 'Confirm revoking Website' }).click()
  await expect(row).toContainText('revoked')
  expect((await complete(secret)).status).toBe(401)

  await admin.goto(tenantUrl(TENANT_A.slug, '/dashboard/api'))
  await expect(admin.getByRole('heading', { level: 1, name: 'API' })).toBeVisible()
  await expect(admin.getByText('/api/v1/chat/completions', { exact: true })).toBeVisible()
  await expectAccessible(admin, 'dashboard-api')
  await saveScreenshots(admin, 'dashboard-api', ['laptop', 'phone'])
  const document = await admin.evaluate(async () => (await fetch('/api/v1/openapi.json')).json() as Promise<{ openapi: string }>)
  expect(document.openapi).toBe('3.1.0')
})

test('the limit-reached state (429) shows when the monthly conversation limit is hit', async () => {
  const consolePage = opened('console')
  await consolePage.goto(tenantAConsoleUrl)
  await consolePage.getByLabel('Conversations per month').fill('1')
  await consolePage.getByRole('button', { name: 'Save changes' }).click()
  await expect(consolePage.getByText('Saved.')).toBeVisible()

  const member = opened('memberA')
  await member.getByRole('button', { name: 'New conversation' }).first().click()
  await member.getByLabel('Your message').fill('Is there parking at Aurora Cove?')
  await member.getByLabel('Your message').press('Enter')
  const notice = member.getByRole('status').filter({ hasText: 'Limit reached' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(/You can try again in (about|a few)/)
  await saveScreenshots(member, 'chat-limit-reached', ['phone'], false)

  // The earlier thread is still there to reread: history is not a new conversation.
  await member
    .getByRole('navigation', { name: 'Your conversations' })
    .getByRole('button', { name: /^What time is check-in/i })
    .click()
  await expect(member.getByRole('article').filter({ hasText: /cobalt/i })).toBeVisible()
  await expect(member.getByRole('status').filter({ hasText: 'Limit reached' })).toHaveCount(0)
})

test('a member sees their sessions on the account page, signs out another session and changes the password', async ({ browser }) => {
  const member = opened('memberA')
  const elsewhere = await freshPage(browser)
  await signIn(elsewhere, tenantUrl(TENANT_A.slug, '/login'), MEMBER_A.email, MEMBER_A.password)

  await member.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Account' }).click()
  await expect(member.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  const sessions = sessionList(member).getByRole('listitem')
  await expect(sessions).toHaveCount(2)
  await expect(sessions.first()).toContainText('This device')
  await sessions
    .nth(1)
    .getByRole('button', { name: /^Sign out/ })
    .click()
  await expect(sessions).toHaveCount(1)
  await elsewhere.reload()
  await expect(elsewhere.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sign in' })).toBeVisible()

  const newPassword = 'aurora-member-new-passphrase'
  await submitPasswordChange(member, 'not-the-current-passphrase', newPassword)
  await expect(member.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true')
  await expect(member.getByText('The current password is incorrect.')).toBeVisible()
  await submitPasswordChange(member, MEMBER_A.password, newPassword)
  await expect(member.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible()

  // The new password signs in elsewhere, and this device was never signed out.
  await signIn(elsewhere, tenantUrl(TENANT_A.slug, '/login'), MEMBER_A.email, newPassword)
  await expect(elsewhere.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Account' })).toBeVisible()
  await member.reload()
  await expect(sessions).toHaveCount(2)
})
