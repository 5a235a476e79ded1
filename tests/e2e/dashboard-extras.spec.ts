import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask } from './support/chat'
import { expectFinishedInBothSchemes } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox, type Mailbox } from './support/mailbox'

/*
 * The tenant admin's extra dashboard pages and the console's ways out: a document page
 * with its passages, the feedback review listing an answer rated down in the chat, an
 * invitation revoked (its link dead), and a non-admin in the console offered a way back.
 * One tenant of its own, so it does not depend on the journey.
 */
// Invitations, uploads and axe with screenshots in two schemes at two widths: more than the default minute on a loaded 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const TENANT = { name: 'Sterling & Associates', slug: 'sterling-associates' }
const ADMIN = { email: 'sam@sterling.example', password: 'sterling-admin-passphrase' }
const MEMBER = { email: 'uma@sterling.example', password: 'sterling-member-passphrase' }
const REVOKED = 'late@sterling.example'
const DOCUMENT = {
  name: 'office-guide.md',
  title: 'Office guide',
  text: [
    '# Office guide',
    '',
    '## Opening hours',
    '',
    `${'The Sterling office opens at eight in the morning and closes at six in the evening on weekdays. '.repeat(25)}`,
    '',
    '## Parking',
    '',
    `${'Visitors to Sterling park in the courtyard behind the building, free of charge for two hours. '.repeat(25)}`,
  ].join('\n'),
}

let consolePage: Page
let admin: Page
let mailbox: Mailbox
let tenantConsoleUrl = ''
let memberInvite = ''
let revokedInvite = ''

test('a tenant admin opens a document page with its passages, token counts, full text and original', async ({ browser }) => {
  consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  tenantConsoleUrl = await createTenantInConsole(consolePage, TENANT)
  mailbox = await openMailbox(browser)
  const adminInvite = await inviteMember(consolePage, mailbox, ADMIN.email, 'admin')
  memberInvite = await inviteMember(consolePage, mailbox, MEMBER.email, 'user')
  revokedInvite = await inviteMember(consolePage, mailbox, REVOKED, 'viewer')

  admin = await (await browser.newContext()).newPage()
  await acceptInvitationAsNewUser(admin, mailbox, adminInvite, ADMIN.email, ADMIN.password)
  await signIn(admin, tenantUrl(TENANT.slug, '/login'), ADMIN.email, ADMIN.password)
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard'))
  await admin
    .getByLabel('Choose files')
    .setInputFiles({ name: DOCUMENT.name, mimeType: 'text/markdown', buffer: Buffer.from(DOCUMENT.text) })
  const documents = admin.getByRole('list', { name: 'Documents' })
  await expect(documents.getByRole('link', { name: DOCUMENT.title, exact: true })).toBeVisible({ timeout: 30_000 })
  await documents.getByRole('link', { name: DOCUMENT.title, exact: true }).click()

  await expect(admin.getByRole('heading', { level: 1, name: DOCUMENT.title })).toBeVisible()
  const passages = admin.getByRole('list', { name: 'Passages' }).getByRole('listitem')
  expect(await passages.count()).toBeGreaterThan(1)
  await expect(passages.filter({ hasText: 'Parking' }).first()).toContainText(/\d+ tokens/)
  await expect(passages.first()).toContainText('Sterling office opens at eight')
  await expect(admin.getByTestId('document-index')).toContainText('Indexed')
  await expect(admin.getByTestId('document-job')).toContainText(/Upload\s*Done/)
  await admin.getByText('Full text').click()
  await expect(admin.getByTestId('document-text')).toContainText('free of charge for two hours')
  const download = admin.waitForEvent('download')
  await admin.getByRole('link', { name: 'Download original' }).click()
  expect((await download).suggestedFilename()).toBe(DOCUMENT.name)
  await expectFinishedInBothSchemes(admin, 'dashboard-document')
})

test('a search result leaves the dashboard once its document is deleted', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard'))
  await admin.getByLabel('Try a search').fill('Where do visitors park?')
  await admin.getByRole('button', { name: 'Search', exact: true }).click()
  const results = admin.getByRole('list', { name: 'Search results' })
  await expect(results.getByRole('link', { name: DOCUMENT.title, exact: true }).first()).toBeVisible()
  await expectFinishedInBothSchemes(admin, 'dashboard-knowledge')
  await admin.getByRole('button', { name: `Delete ${DOCUMENT.title}` }).click()
  await admin.getByRole('button', { name: 'Delete for good' }).click()
  await expect(admin.getByText('No documents yet')).toBeVisible()
  await expect(admin.getByText('Nothing relevant found')).toBeVisible()
  await expect(admin.getByRole('list', { name: 'Search results' })).toHaveCount(0)
})

test('an answer rated down in the chat is listed on the feedback page with its question', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/'))
  const question = 'Is there a rooftop swimming pool at the office?'
  const { answer } = await ask(admin, question)
  await answer.getByRole('button', { name: 'Not helpful' }).click()
  await expect(answer.getByRole('button', { name: 'Not helpful' })).toHaveAttribute('aria-pressed', 'true')

  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/feedback'))
  await expect(admin.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible()
  const rated = admin.getByRole('list', { name: 'Answers rated down' }).getByRole('listitem').first()
  await expect(rated).toContainText(question)
  await expect(admin.getByText('Thumbs down, last 90 days').locator('..')).toContainText('1')
  await expectFinishedInBothSchemes(admin, 'dashboard-feedback')
})

test('an admin revokes an invitation and its link stops working', async ({ browser }) => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/members'))
  await expect(admin.getByRole('heading', { level: 1, name: 'Members' })).toContainText('Members')
  await expect(admin.getByText(`Who can use ${TENANT.name}’ assistant`)).toBeVisible()
  await admin.getByRole('button', { name: `Revoke the invitation to ${REVOKED}` }).click()
  await expectFinishedInBothSchemes(admin, 'dashboard-members')
  await admin.getByRole('button', { name: 'Revoke invitation' }).click()
  await expect(admin.getByText(`The invitation to ${REVOKED} was revoked`)).toBeVisible()
  await expect(admin.getByText(REVOKED, { exact: true })).toHaveCount(0)

  const invitee = await browser.newContext()
  const page = await invitee.newPage()
  await page.goto(revokedInvite)
  await expect(page.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible()
  await invitee.close()
})

test('a member who signs in to the console sees who they are, a way back and a sign-out', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage()
  await acceptInvitationAsNewUser(member, mailbox, memberInvite, MEMBER.email, MEMBER.password)
  await member.goto(platformUrl('/admin'))
  await expect(member.getByRole('heading', { name: 'The console is for platform admins' })).toBeVisible()
  await expect(member.getByText(MEMBER.email)).toBeVisible()
  await expect(member.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/')
  await expectFinishedInBothSchemes(member, 'console-not-admin')
  await member.getByRole('button', { name: 'Sign out' }).click()
  await expect(member).toHaveURL(platformUrl('/login'))
  await expect(member.getByRole('heading', { name: 'Sign in to the console' })).toBeVisible()

  await member.goto(platformUrl('/account'))
  await expect(member).toHaveURL(/\/login\?next=(%2F|\/)account$/)
  await expect(member.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
})

test('the console tenant page shows the new limits and the audit entry right after Save', async () => {
  await consolePage.goto(tenantConsoleUrl)
  await consolePage.getByLabel('Conversations per month').fill('1234')
  await consolePage.getByRole('button', { name: 'Save changes' }).click()
  await expect(consolePage.getByText('Saved.')).toBeVisible()
  await expect(consolePage.getByText('/ 1,234')).toBeVisible()
  await expect(consolePage.getByRole('cell', { name: 'plan.update' }).first()).toBeVisible()
  await expect(consolePage.getByText(/chain intact: \d+ entries checked/)).toBeVisible()
})
