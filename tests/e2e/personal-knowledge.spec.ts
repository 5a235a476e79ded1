import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask } from './support/chat'
import { expectFinishedInBothSchemes } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox, type Mailbox } from './support/mailbox'

/*
 * Personal knowledge in a real browser: a member's private document grounds their own
 * answer and leaves no trace in a colleague's; shared with everyone, it grounds the
 * colleague's answer too; made private again, it is gone from it. The admin's pages for
 * collections, groups, advisors and activity, and the member's own page, finished in both
 * colour schemes.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 })

const TENANT = { name: 'Oriole Cove Studio', slug: 'oriole-cove' }
const ADMIN = { email: 'olga@oriole-cove.example', password: 'oriole-admin-passphrase' }
const OWNER = { email: 'priya@oriole-cove.example', password: 'oriole-owner-passphrase' }
const COLLEAGUE = { email: 'quinn@oriole-cove.example', password: 'oriole-colleague-passphrase' }
const DOCUMENT = {
  title: 'Lantern ledger',
  text: 'The midsummer offsite lantern count is seventeen turquoise lanterns, stored in the boathouse loft.',
}
const QUESTION = 'How many lanterns for the midsummer offsite?'

let admin: Page
let owner: Page
let colleague: Page
let mailbox: Mailbox

async function askFresh(page: Page): Promise<string> {
  await page.goto(tenantUrl(TENANT.slug, '/'))
  const { answer } = await ask(page, QUESTION)
  return (await answer.textContent()) ?? ''
}

async function myDocuments(page: Page): Promise<void> {
  await page.goto(tenantUrl(TENANT.slug, '/my-documents'))
  await expect(page.getByRole('heading', { level: 1, name: 'My documents' })).toBeVisible()
}

test('people of one tenant: an admin and two members', async ({ browser }) => {
  const consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await createTenantInConsole(consolePage, TENANT)
  mailbox = await openMailbox(browser)
  const invites = {
    admin: await inviteMember(consolePage, mailbox, ADMIN.email, 'admin'),
    owner: await inviteMember(consolePage, mailbox, OWNER.email, 'user'),
    colleague: await inviteMember(consolePage, mailbox, COLLEAGUE.email, 'user'),
  }
  const join = async (invite: string, person: { email: string; password: string }) => {
    const page = await (await browser.newContext()).newPage()
    await acceptInvitationAsNewUser(page, mailbox, invite, person.email, person.password)
    await signIn(page, tenantUrl(TENANT.slug, '/login'), person.email, person.password)
    return page
  }
  admin = await join(invites.admin, ADMIN)
  owner = await join(invites.owner, OWNER)
  colleague = await join(invites.colleague, COLLEAGUE)
})

test('a member saves a private document and their answer cites it', async () => {
  await myDocuments(owner)
  await owner.getByLabel('Title').fill(DOCUMENT.title)
  await owner.getByLabel('Text').fill(DOCUMENT.text)
  await owner.getByRole('button', { name: 'Save document' }).click()
  await expect(owner.getByRole('status')).toContainText('Only you can read it')
  const list = owner.getByRole('list', { name: 'Your documents' })
  await expect(list).toContainText(DOCUMENT.title)
  await expect(list).toContainText('Private')
  await expectFinishedInBothSchemes(owner, 'my-documents')

  const answer = await askFresh(owner)
  expect(answer).toContain('seventeen turquoise lanterns')
  await expect(
    owner
      .getByRole('article')
      .last()
      .getByRole('button', { name: new RegExp(DOCUMENT.title) }),
  ).toBeVisible()
})

test('another member asking the same question gets no trace of it', async () => {
  const answer = await askFresh(colleague)
  expect(answer).not.toContain('seventeen')
  expect(answer).not.toContain(DOCUMENT.title)
  await expect(colleague.getByRole('button', { name: new RegExp(DOCUMENT.title) })).toHaveCount(0)
})

test('shared with everyone, it grounds the other member’s answer; made private again, it does not', async () => {
  await myDocuments(owner)
  await owner.getByRole('button', { name: `Share with everyone: ${DOCUMENT.title}` }).click()
  await expect(owner.getByRole('list', { name: 'Your documents' })).toContainText('Shared with everyone')
  expect(await askFresh(colleague)).toContain('seventeen turquoise lanterns')
  await myDocuments(colleague)
  await expect(colleague.getByRole('list', { name: 'Shared with you' })).toContainText(DOCUMENT.title)
  await expectFinishedInBothSchemes(colleague, 'my-documents-shared-with-me')

  await owner.getByRole('button', { name: `Stop sharing ${DOCUMENT.title}` }).click()
  await expect(owner.getByRole('list', { name: 'Your documents' })).toContainText('Private')
  const after = await askFresh(colleague)
  expect(after).not.toContain('seventeen')
})

test('the admin keeps collections, groups and advisors, and sees activity without the documents’ content', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/collections'))
  await admin.getByLabel('New collection').fill('Studio policies')
  await admin.getByRole('button', { name: 'Add collection' }).click()
  await expect(admin.getByRole('list', { name: 'Collections' })).toContainText('Studio policies')
  await expectFinishedInBothSchemes(admin, 'dashboard-collections')

  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/groups'))
  await admin.getByLabel('New group').fill('Crew')
  await admin.getByRole('button', { name: 'Add group' }).click()
  await admin.getByLabel('Add a member to Crew').selectOption({ label: COLLEAGUE.email })
  await expect(admin.getByRole('list', { name: 'Members of Crew' })).toContainText(COLLEAGUE.email)
  await expectFinishedInBothSchemes(admin, 'dashboard-groups')

  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/advisors'))
  await admin.getByLabel('Name').fill('Policy guide')
  await admin.getByLabel('Studio policies').check()
  await admin.getByLabel('Starter questions (one a line, up to six)').fill('What are the studio policies?')
  await admin.getByRole('button', { name: 'Add advisor' }).click()
  await expect(admin.getByRole('list', { name: 'Advisors' })).toContainText('Policy guide')
  await expectFinishedInBothSchemes(admin, 'dashboard-advisors')

  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/activity'))
  const activity = admin.getByRole('list', { name: 'Member activity' })
  await expect(activity).toContainText(OWNER.email)
  await expect(activity).not.toContainText('turquoise')
  await expectFinishedInBothSchemes(admin, 'dashboard-activity')
})

test('a member picks an advisor with its starter questions in the chat', async () => {
  await colleague.goto(tenantUrl(TENANT.slug, '/'))
  await colleague.getByRole('button', { name: 'Policy guide' }).click()
  await expect(colleague.getByRole('button', { name: 'Policy guide' })).toHaveAttribute('aria-pressed', 'true')
  await expect(colleague.getByRole('button', { name: 'What are the studio policies?' })).toBeVisible()
  await expectFinishedInBothSchemes(colleague, 'chat-advisors')
})
