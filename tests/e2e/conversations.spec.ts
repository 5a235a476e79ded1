import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask } from './support/chat'
import { expectAccessible, saveScreenshots } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox } from './support/mailbox'

/*
 * A member's conversations have addresses: a thread reopens from its URL after a
 * reload, Back returns to the thread before, and the history renames, searches and
 * deletes threads. One tenant of its own, so it does not depend on the journey.
 */
test.describe.configure({ mode: 'serial' })

const TENANT = { name: 'Cedar Lodge', slug: 'cedar-lodge' }
const MEMBER = { email: 'cy@cedar-lodge.example', password: 'cedar-member-passphrase' }
const THREAD_URL = /\/c\/[0-9a-f-]{36}$/

let member: Page
let consolePage: Page
let spaUrl = ''
let saunaUrl = ''

const history = () => member.getByRole('navigation', { name: 'Your conversations' }).first()
const log = () => member.getByRole('log')

test('a new thread takes its own address once answered, and a reload reopens it', async ({ browser }) => {
  consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await createTenantInConsole(consolePage, TENANT)
  const mailbox = await openMailbox(browser)
  const inviteUrl = await inviteMember(consolePage, mailbox, MEMBER.email, 'user')
  member = await (await browser.newContext()).newPage()
  await acceptInvitationAsNewUser(member, mailbox, inviteUrl, MEMBER.email, MEMBER.password)
  // The console's invitation is accepted on the platform host; sessions belong to the host that made them.
  await signIn(member, tenantUrl(TENANT.slug, '/login'), MEMBER.email, MEMBER.password)
  await expect(member).toHaveURL(tenantUrl(TENANT.slug, '/'))

  await ask(member, 'When does the spa open in the morning?')
  await expect(member).toHaveURL(THREAD_URL)
  await ask(member, 'And when does the spa close?')
  spaUrl = member.url()
  expect(new URL(spaUrl).pathname.startsWith('/c/')).toBe(true)

  await member.reload()
  await expect(log()).toContainText('When does the spa open in the morning?')
  await expect(log()).toContainText('And when does the spa close?')
  await expect(member.getByRole('article')).toHaveCount(2)
  await expect(history().getByRole('button', { name: /^When does the spa open/ })).toHaveAttribute('aria-current', 'true')
})

test('a second thread gets another address; Back returns to the first thread and Forward to the second', async () => {
  await history().getByRole('button', { name: 'New conversation' }).click()
  await expect(member).toHaveURL(tenantUrl(TENANT.slug, '/'))
  await expect(member.getByRole('article')).toHaveCount(0)
  await ask(member, 'Is there a lakeside sauna for guests?')
  await expect(member).toHaveURL(THREAD_URL)
  saunaUrl = member.url()
  expect(saunaUrl).not.toBe(spaUrl)

  await history()
    .getByRole('button', { name: /^When does the spa open/ })
    .click()
  await expect(member).toHaveURL(spaUrl)
  await expect(log()).toContainText('And when does the spa close?')
  await member.goBack()
  await expect(member).toHaveURL(saunaUrl)
  await expect(log()).toContainText('Is there a lakeside sauna for guests?')
  await expect(log()).not.toContainText('spa close')
  await member.goForward()
  await expect(member).toHaveURL(spaUrl)
  await expect(log()).toContainText('And when does the spa close?')
})

test('a member renames a thread and the new title stays after a reload', async () => {
  await history()
    .getByRole('button', { name: /^Rename “When does the spa open/ })
    .click()
  const title = history().getByLabel('Conversation title')
  await title.fill('Spa hours')
  await title.press('Enter')
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toBeVisible()
  await member.reload()
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toHaveAttribute('aria-current', 'true')

  // Escape leaves the title as it was.
  await history().getByRole('button', { name: 'Rename “Spa hours”' }).click()
  await history().getByLabel('Conversation title').fill('Not this')
  await history().getByLabel('Conversation title').press('Escape')
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toBeVisible()
  await expectAccessible(member, 'chat-history')
  await saveScreenshots(member, 'chat-history', ['laptop'], false)
})

test('search finds threads by the words of their messages, not only their titles', async () => {
  const search = history().getByLabel('Search conversations')
  await search.fill('spa close')
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toBeVisible()
  await expect(history().getByRole('button', { name: /^Is there a lakeside sauna/ })).toHaveCount(0)
  await search.fill('lakeside')
  await expect(history().getByRole('button', { name: /^Is there a lakeside sauna/ })).toBeVisible()
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toHaveCount(0)
  await search.fill('no thread mentions this')
  await expect(history().getByText('No conversation matches.')).toBeVisible()
  await search.fill('')
  await expect(history().getByRole('button', { name: /^Spa hours/ })).toBeVisible()
  await expect(history().getByRole('button', { name: /^Is there a lakeside sauna/ })).toBeVisible()
})

test('deleting the open thread asks first, then leaves it gone: its address is a 404', async () => {
  await history()
    .getByRole('button', { name: /^Is there a lakeside sauna/ })
    .click()
  await expect(member).toHaveURL(saunaUrl)
  await history()
    .getByRole('button', { name: /^Delete “Is there a lakeside sauna/ })
    .click()
  const confirm = member.getByRole('dialog', { name: 'Delete this conversation?' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(history().getByRole('button', { name: /^Is there a lakeside sauna/ })).toBeVisible()

  await history()
    .getByRole('button', { name: /^Delete “Is there a lakeside sauna/ })
    .click()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(confirm).toBeHidden()
  await expect(history().getByRole('button', { name: /^Is there a lakeside sauna/ })).toHaveCount(0)
  await expect(member).toHaveURL(tenantUrl(TENANT.slug, '/'))
  await expect(member.getByRole('article')).toHaveCount(0)

  const gone = await member.goto(saunaUrl)
  expect(gone?.status()).toBe(404)
  await expect(member.getByText('Is there a lakeside sauna for guests?')).toHaveCount(0)
})

test("someone who is not the thread's owner never sees it at its address", async () => {
  const path = new URL(spaUrl).pathname
  const asAdmin = await consolePage.goto(platformUrl(`/t/${TENANT.slug}${path}`))
  expect(asAdmin?.status()).toBeLessThan(500)
  await expect(consolePage.getByText('When does the spa open in the morning?')).toHaveCount(0)
  await expect(consolePage.getByText('Spa hours')).toHaveCount(0)
})

test('an answer is copied, regenerated, and the earlier answer paged back to, also after a reload', async () => {
  await member.goto(spaUrl)
  const last = member.getByRole('article').last()
  await last.getByRole('button', { name: 'Copy' }).click()
  await expect(last.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()

  await last.getByRole('button', { name: 'Regenerate' }).click()
  await expect(member.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  const pager = member.getByRole('article').last().getByRole('group', { name: 'Answers to this question' })
  await expect(pager).toContainText('2 / 2')
  await pager.getByRole('button', { name: 'Previous answer' }).click()
  await expect(pager).toContainText('1 / 2')
  await member.reload()
  await expect(pager).toContainText('2 / 2')
  await expect(member.getByRole('article')).toHaveCount(2)
})

test('a question is edited and sent again: the thread continues from it and what followed is gone, also after a reload', async () => {
  const first = log().getByRole('listitem').filter({ hasText: 'When does the spa open in the morning?' })
  await first.getByRole('button', { name: 'Edit this question' }).click()
  const editor = member.getByLabel('Edit your question')
  await editor.fill('When does the sauna open in the morning?')
  await member.getByRole('button', { name: 'Send again' }).click()
  await expect(log()).toHaveAttribute('aria-busy', 'false')
  await expect(log()).toContainText('When does the sauna open in the morning?')
  await expect(log()).not.toContainText('And when does the spa close?')
  await expect(member.getByRole('article')).toHaveCount(1)
  await member.reload()
  await expect(log()).toContainText('When does the sauna open in the morning?')
  await expect(log()).not.toContainText('When does the spa open in the morning?')
  await expect(log()).not.toContainText('And when does the spa close?')
  await expect(member.getByRole('article')).toHaveCount(1)
})
