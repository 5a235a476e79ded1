import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask } from './support/chat'
import { expectAccessible, saveScreenshots } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox } from './support/mailbox'

/*
 * The chat's extras on a private tenant of its own: the branded sign-in page a signed-out
 * visitor sees, suggested opening questions drawn from the knowledge, highlighted code with
 * a working Copy code button, the source dialog and the document view, and the composer
 * closed (with its reason) once the month's conversations are used up.
 */
test.describe.configure({ mode: 'serial' })

const TENANT = { name: 'Juniper Hall', slug: 'juniper-hall' }
const MEMBER = { email: 'june@juniper-hall.example', password: 'juniper-member-passphrase' }
const ASSISTANT = 'Wren'
const GREETING = 'Good morning from the moor'
const TITLE = 'Juniper Hall handbook'
const BREAKFAST = 'Breakfast at Juniper Hall is served from 7 am to 10 am in the orangery'
const OPENING = 'The house sits on the edge of the moor'
const CLOSING = 'Packed lunches for walkers can be collected from the orangery after the morning meal.'

// The breakfast section is longer than a snippet (240 characters), so the cited snippet is a part of the passage shown around it.
const HANDBOOK = [
  `# ${TITLE}`,
  '',
  '## Breakfast hours',
  '',
  `${OPENING}, and its kitchen keeps farmhouse hours. The bakery starts before dawn and the smell of fresh bread reaches the upper corridors by six. ` +
    `${BREAKFAST}, with porridge, eggs from the home farm and the bakery's own sourdough. Late risers can order a tray to their room until noon. ` +
    'Guests with allergies should tell the front desk the evening before, so the kitchen can prepare a separate plate. ' +
    CLOSING,
  '',
  '## Wi-Fi set-up',
  '',
  'Guests join the network of the house with one nmcli command:',
  '',
  '```bash',
  'nmcli device wifi connect JuniperHall password "lantern-42"',
  '```',
  '',
  'The password changes every Monday.',
].join('\n')

let consolePage: Page
let member: Page
let tenantId = ''

/** A JSON call from the console page, as its own scripts make them (same origin, the admin's session). */
async function adminCall(path: string, method: string, body: unknown): Promise<number> {
  return consolePage.evaluate(
    async ({ path, method, body }) =>
      (await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status,
    { path, method, body },
  )
}

const composer = () => member.getByLabel('Your message')

test('a private tenant with a handbook, a member, a voice and a colour of its own', async ({ browser }) => {
  consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  const drillDown = await createTenantInConsole(consolePage, TENANT)
  tenantId = new URL(drillDown).pathname.split('/').at(-1) ?? ''
  expect(
    await adminCall(`/api/admin/tenants/${tenantId}`, 'PUT', {
      elementalSignature: { primary: 'water' },
      maiaPersonality: { name: ASSISTANT },
      brandVoice: { greeting: GREETING },
    }),
  ).toBe(200)
  expect(
    await adminCall(`/api/admin/tenants/${tenantId}/knowledge`, 'POST', { title: TITLE, content: HANDBOOK, sourceType: 'markdown' }),
  ).toBe(201)

  const mailbox = await openMailbox(browser)
  const inviteUrl = await inviteMember(consolePage, mailbox, MEMBER.email, 'user')
  const context = await browser.newContext()
  // Plain HTTP is not a secure context, so the chat copies through the copy command: this records what it copied.
  await context.addInitScript(() => {
    const copy = document.execCommand.bind(document)
    document.execCommand = (command: string, ...rest: [boolean?, string?]) => {
      if (command === 'copy') {
        const area = document.querySelector<HTMLTextAreaElement>('body > textarea[readonly]')
        ;(window as unknown as { __copied?: string }).__copied = area?.value
      }
      return copy(command, ...rest)
    }
  })
  member = await context.newPage()
  await acceptInvitationAsNewUser(member, mailbox, inviteUrl, MEMBER.email, MEMBER.password)
  await signIn(member, tenantUrl(TENANT.slug, '/login'), MEMBER.email, MEMBER.password)
  await expect(member).toHaveURL(tenantUrl(TENANT.slug, '/'))
})

test("signed out, the private tenant's pages carry its name and colour and nothing else of it", async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const visitor = await (await browser.newContext({ colorScheme })).newPage()
    await visitor.goto(tenantUrl(TENANT.slug, '/'))
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Welcome to ${TENANT.name}`)
    await expect(visitor.getByRole('banner')).toContainText(TENANT.name)
    await expect(visitor.getByRole('banner').locator('.bg-water').first()).toBeVisible()
    await expect(visitor.getByRole('banner').locator('.bg-aether')).toHaveCount(0)
    const text = await visitor.locator('body').innerText()
    expect(text).not.toContain('Maia')
    expect(text).not.toContain(ASSISTANT)
    expect(text).not.toContain(GREETING)
    await expectAccessible(visitor, `signed-out tenant page, ${colorScheme}`)
    await saveScreenshots(visitor, `tenant-signed-out-${colorScheme}`, ['laptop', 'phone'])

    await visitor.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Sign in to ${TENANT.name}`)
    await expect(visitor.getByRole('banner').locator('.bg-water').first()).toBeVisible()
    const signInText = await visitor.locator('body').innerText()
    expect(signInText).not.toContain('Maia')
    expect(signInText).not.toContain(ASSISTANT)
    await expectAccessible(visitor, `branded sign-in page, ${colorScheme}`)
    await saveScreenshots(visitor, `tenant-sign-in-${colorScheme}`, ['laptop', 'phone'])
    await visitor.context().close()
  }
})

test("the empty chat suggests questions from the tenant's documents, and one clicked is answered from them", async () => {
  await member.reload()
  await expect(member.getByRole('banner').locator('.bg-water').first()).toBeVisible()
  const suggestion = member.getByRole('button', { name: 'What should I know about breakfast hours?', exact: true })
  await expect(suggestion).toBeVisible()
  for (const colorScheme of ['light', 'dark'] as const) {
    await member.emulateMedia({ colorScheme })
    await expectAccessible(member, `chat with suggestions, ${colorScheme}`)
    await saveScreenshots(member, `chat-suggestions-${colorScheme}`, ['laptop', 'phone'])
  }
  await member.emulateMedia({ colorScheme: 'light' })

  await suggestion.click()
  await expect(member.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  const answer = member.getByRole('article').first()
  await expect(answer).toContainText(/7 am/)
  await expect(answer.getByRole('button', { name: new RegExp(`${TITLE}[^:]*: open the cited passage`) }).first()).toBeVisible()
  await expect(member.getByRole('log')).toContainText('What should I know about breakfast hours?')
})

test('a code block in an answer is highlighted and its Copy code button copies the code', async () => {
  const { answer } = await ask(member, 'Which nmcli command connects a device to the wifi?')
  const block = answer.locator('pre').first()
  await expect(block).toContainText('nmcli device wifi connect JuniperHall')
  await expect(block.locator('code.hljs')).toHaveCount(1)
  await expect(block.locator('.hljs-string').first()).toContainText('lantern-42')
  await answer.getByRole('button', { name: 'Copy code' }).click()
  await expect(answer.getByRole('status').filter({ hasText: 'Copied' }).first()).toBeVisible()
  const copied = await member.evaluate(() => (window as unknown as { __copied?: string }).__copied)
  expect(copied?.trim()).toBe('nmcli device wifi connect JuniperHall password "lantern-42"')

  await saveScreenshots(member, 'chat-code-light', ['laptop', 'phone'], false)
  await member.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(member, 'chat with code, dark')
  await saveScreenshots(member, 'chat-code-dark', ['laptop', 'phone'], false)
  await member.emulateMedia({ colorScheme: 'light' })
})

test('the source dialog highlights the cited sentence in its passage and opens the document with it marked', async () => {
  const answer = member.getByRole('article').first()
  await answer
    .getByRole('button', { name: new RegExp(`${TITLE}[^:]*: open the cited passage`) })
    .first()
    .click()
  const dialog = member.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(dialog.getByRole('navigation', { name: 'Heading path' })).toContainText('Breakfast hours')
  // The snippet the answer cited (about a snippet's length from the passage's start, where the question's words begin) is marked; the rest of the passage surrounds it.
  const passage = dialog.getByLabel('Cited passage')
  await expect(passage.locator('mark')).toContainText('Breakfast at Juniper Hall is served from 7 am')
  await expect(passage).toContainText(CLOSING)
  await expect(passage.locator('mark')).not.toContainText(CLOSING)
  await expectAccessible(member, 'source dialog')

  await dialog.getByRole('link', { name: 'Open the whole document' }).click()
  await expect(member).toHaveURL(/\/documents\/[0-9a-f-]{36}\?passage=[0-9a-f-]{36}#cited-passage$/)
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(TITLE)
  const text = member.getByRole('article', { name: 'Document text' })
  await expect(text).toContainText('nmcli device wifi connect')
  await expect(text.locator('mark#cited-passage')).toContainText(BREAKFAST)
  await expect(text.locator('mark')).not.toContainText('nmcli')
  for (const colorScheme of ['light', 'dark'] as const) {
    await member.emulateMedia({ colorScheme })
    await expectAccessible(member, `document view, ${colorScheme}`)
    await saveScreenshots(member, `document-view-${colorScheme}`, ['laptop', 'phone'])
  }
  await member.emulateMedia({ colorScheme: 'light' })
  expect(await member.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
})

test('someone who is not a member never reads the document, at its page or through the API', async ({ browser }) => {
  const documentUrl = member.url().split('?')[0] ?? ''
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(documentUrl)
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Sign in to read this document')
  await expect(stranger.locator('body')).not.toContainText('orangery')
  const status = await stranger.evaluate(
    async (url) => (await fetch(url)).status,
    `/api/tenant/${TENANT.slug}${new URL(documentUrl).pathname}`,
  )
  expect(status).toBe(401)
  await stranger.context().close()
})

test('a question refused at the limit leaves no unanswered bubble, and the composer then says why it is closed', async () => {
  await member.goto(tenantUrl(TENANT.slug, '/'))
  await expect(composer()).toBeEnabled()
  // The month's one conversation was used by the thread above; the page was served before the limit was lowered.
  expect(await adminCall(`/api/admin/tenants/${tenantId}`, 'PUT', { limits: { conversationsPerMonth: 1 } })).toBe(200)
  await composer().fill('Is there parking at Juniper Hall?')
  await composer().press('Enter')
  await expect(member.getByRole('status').filter({ hasText: 'Limit reached' })).toBeVisible()
  await expect(member.getByRole('log')).not.toContainText('Is there parking')
  await expect(member.getByRole('article')).toHaveCount(0)
  await expect(composer()).toBeDisabled()
  await expect(composer()).toHaveValue('Is there parking at Juniper Hall?')

  await member.reload()
  await expect(composer()).toBeDisabled()
  const reason = member.getByText(`${TENANT.name} has reached its monthly conversation limit`)
  await expect(reason).toBeVisible()
  await expect(reason).toContainText('You can still continue one of your earlier conversations.')
  await expect(member.getByRole('button', { name: 'Send' })).toBeDisabled()
  await expect(member.getByRole('button', { name: 'What should I know about breakfast hours?', exact: true })).toHaveCount(0)
  for (const colorScheme of ['light', 'dark'] as const) {
    await member.emulateMedia({ colorScheme })
    await expectAccessible(member, `chat at the limit, ${colorScheme}`)
    await saveScreenshots(member, `chat-limit-${colorScheme}`, ['laptop', 'phone'], false)
  }
  await member.emulateMedia({ colorScheme: 'light' })

  // An earlier thread is not a new conversation: it can still be continued.
  await member
    .getByRole('navigation', { name: 'Your conversations' })
    .first()
    .getByRole('button', { name: /^What should I know about breakfast/ })
    .click()
  await expect(composer()).toBeEnabled()
})

test("the tenant's own suggested questions replace the ones drawn from its documents", async () => {
  expect(
    await adminCall(`/api/admin/tenants/${tenantId}`, 'PUT', {
      limits: { conversationsPerMonth: null },
      brandVoice: { greeting: GREETING, suggestedQuestions: ['When is breakfast served?'] },
    }),
  ).toBe(200)
  await member.goto(tenantUrl(TENANT.slug, '/'))
  await expect(member.getByText(GREETING)).toBeVisible()
  await expect(member.getByRole('button', { name: 'What should I know about breakfast hours?', exact: true })).toHaveCount(0)
  await member.getByRole('button', { name: 'When is breakfast served?', exact: true }).click()
  await expect(member.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  await expect(member.getByRole('article').first()).toContainText(/7 am/)
})
