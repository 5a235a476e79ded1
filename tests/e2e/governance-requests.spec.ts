import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { ask } from './support/chat'
import { expectFinishedInBothSchemes } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox, VERIFY_LINK, type Mailbox } from './support/mailbox'

/*
 * Requests and approvals in Chromium. The dashboard's access-request flow: someone who
 * signed up on a members-only tenant asks for access from its chat, is declined with a
 * note, asks again and is approved by the tenant's admin, then chats. The console's
 * approval flow: the tenant's admin asks the platform for another plan and for restricted
 * access, a platform admin approves both, and the admin sees the outcomes. One tenant of its own.
 */
// Invitations, sign-ups and axe with screenshots in two schemes at two widths: more than the default minute.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const TENANT = { name: 'Harbor Counsel', slug: 'harbor-counsel' }
const ADMIN = { email: 'hana@harbor.example', password: 'harbor-admin-passphrase' }
const ASKER = { email: 'ike@walk-in.example', password: 'walk-in-passphrase' }

let consolePage: Page
let admin: Page
let asker: Page
let mailbox: Mailbox

test('a tenant with its own admin, and someone who signs up on its site', async ({ browser }) => {
  consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await createTenantInConsole(consolePage, TENANT)
  mailbox = await openMailbox(browser)
  const invite = await inviteMember(consolePage, mailbox, ADMIN.email, 'admin')
  admin = await (await browser.newContext()).newPage()
  await acceptInvitationAsNewUser(admin, mailbox, invite, ADMIN.email, ADMIN.password)
  await signIn(admin, tenantUrl(TENANT.slug, '/login'), ADMIN.email, ADMIN.password)

  asker = await (await browser.newContext()).newPage()
  await asker.goto(tenantUrl(TENANT.slug, '/signup'))
  await asker.getByLabel('Email').fill(ASKER.email)
  await asker.getByLabel('Password').fill(ASKER.password)
  await asker.getByRole('button', { name: 'Create account' }).click()
  await expect(asker.getByText('Check your mail')).toBeVisible()
  await asker.goto(await mailbox.link(ASKER.email, VERIFY_LINK))
  await asker.getByRole('button', { name: 'Verify my email address' }).click()
  await expect(asker.getByText('Your email address is verified')).toBeVisible()
  await signIn(asker, tenantUrl(TENANT.slug, '/login'), ASKER.email, ASKER.password)
})

test('a non-member asks for access from the chat and sees the request pending', async () => {
  await asker.goto(tenantUrl(TENANT.slug, '/'))
  await expect(asker.getByRole('heading', { level: 1, name: `You are not a member of ${TENANT.name} yet` })).toBeVisible()
  await expect(asker.getByLabel('Your message')).toHaveCount(0)
  await asker.getByRole('button', { name: 'Request access' }).click()
  await expect(asker.getByText('say who you are and why you would like access')).toBeVisible()
  await asker.getByLabel('Message to the administrators').fill('I am Ike, the new paralegal on the Lisbon matter.')
  await asker.getByRole('button', { name: 'Request access' }).click()
  await expect(asker.getByText('Request pending')).toBeVisible()
  await asker.reload()
  await expect(asker.getByText('Request pending')).toBeVisible()
  await expectFinishedInBothSchemes(asker, 'chat-access-request-pending')
})

test('the tenant admin declines it with a note, and the person sees why and asks again', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/access'))
  await expect(admin.getByRole('heading', { level: 1, name: 'Access' })).toBeVisible()
  const pending = admin.getByRole('list', { name: 'Pending requests' })
  await expect(pending).toContainText(ASKER.email)
  await expect(pending).toContainText('the new paralegal on the Lisbon matter')
  await expectFinishedInBothSchemes(admin, 'dashboard-access')
  await admin.getByLabel(`Note to ${ASKER.email}`).fill('Please ask with your firm address.')
  await admin.getByRole('button', { name: `Reject ${ASKER.email}` }).click()
  await expect(admin.getByText(`The request of ${ASKER.email} was rejected.`)).toBeVisible()
  await expect(admin.getByRole('list', { name: 'Decided requests' })).toContainText('Please ask with your firm address.')

  await asker.reload()
  await expect(asker.getByText('Your request was declined')).toBeVisible()
  await expect(asker.getByText('Please ask with your firm address.')).toBeVisible()
  await expectFinishedInBothSchemes(asker, 'chat-access-request-declined')
  await asker.getByRole('button', { name: 'Ask again' }).click()
  await asker.getByLabel('Message to the administrators').fill('My firm address is on its way; the partner asked me to start today.')
  await asker.getByRole('button', { name: 'Request access' }).click()
  await expect(asker.getByText('Request pending')).toBeVisible()
})

test('the tenant admin approves it with a role, and the new member chats', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/access'))
  await admin.getByLabel('Role if approved').selectOption('user')
  await admin.getByRole('button', { name: `Approve ${ASKER.email}` }).click()
  await expect(admin.getByText(`${ASKER.email} is now a member (user).`)).toBeVisible()
  await expect(admin.getByText('No pending requests')).toBeVisible()

  await asker.goto(tenantUrl(TENANT.slug, '/'))
  await expect(asker.getByLabel('Your message')).toBeVisible()
  const { answer } = await ask(asker, 'What are your opening hours?')
  await expect(answer).toBeVisible()
})

test('the tenant admin asks the platform for a plan and restricted access; a platform admin approves both in the console', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/requests'))
  await expect(admin.getByRole('heading', { level: 1, name: 'Plan requests' })).toBeVisible()
  await admin.getByLabel('What you need').selectOption('plan')
  await admin.getByLabel('Plan', { exact: true }).selectOption('professional')
  await admin.getByLabel('Why the tenant needs it').fill('Two more partners join in January.')
  await admin.getByRole('button', { name: 'Send request' }).click()
  await expect(admin.getByText('Sent.')).toBeVisible()
  await admin.getByLabel('What you need').selectOption('restricted_access')
  await admin.getByLabel('Why the tenant needs it').fill('Client files: nobody may walk in.')
  await admin.getByRole('button', { name: 'Send request' }).click()
  const mine = admin.getByRole('list', { name: 'Requests to the platform' })
  await expect(mine.getByRole('listitem')).toHaveCount(2)
  await expect(mine).toContainText('Plan: professional')
  await expectFinishedInBothSchemes(admin, 'dashboard-plan-requests')

  await consolePage.goto(platformUrl('/admin/requests'))
  await expect(consolePage.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible()
  const pending = consolePage.getByRole('list', { name: 'Pending requests' })
  await expect(pending.getByRole('listitem')).toHaveCount(2)
  await expect(pending).toContainText('Two more partners join in January.')
  await expectFinishedInBothSchemes(consolePage, 'console-requests')
  await consolePage.getByLabel(`Note to ${TENANT.name} on plan: professional`).fill('Welcome to professional.')
  await consolePage.getByRole('button', { name: `Approve Plan: professional for ${TENANT.name}` }).click()
  await expect(consolePage.getByText(`${TENANT.name}: Plan: professional approved and applied.`)).toBeVisible()
  await expect(pending.getByRole('listitem')).toHaveCount(1)
  await consolePage.getByLabel(`Note to ${TENANT.name} on restricted access`).fill('Restricted from now on.')
  await consolePage.getByRole('button', { name: `Approve Restricted access for ${TENANT.name}` }).click()
  await expect(consolePage.getByText('Nothing to decide')).toBeVisible()
  await expect(consolePage.getByRole('list', { name: 'Decided requests' })).toContainText('Welcome to professional.')
})

test('the tenant admin sees the outcomes: the new plan, the notes, and the restricted level chosen', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/requests'))
  await expect(admin.getByText(`${TENANT.name} is on the professional plan.`)).toBeVisible()
  const mine = admin.getByRole('list', { name: 'Requests to the platform' })
  await expect(mine.getByText('approved')).toHaveCount(2)
  await expect(mine).toContainText('Note: Restricted from now on.')

  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/access'))
  await expect(admin.getByRole('radio', { name: /Restricted/ })).toBeChecked()
  await admin.getByRole('radio', { name: /Members/ }).check()
  await admin.getByRole('button', { name: 'Save privacy level' }).click()
  await expect(admin.getByText('Saved: the assistant is members from the next request on.')).toBeVisible()
  // Granted once, restricted stays the admins' choice.
  await admin.getByRole('radio', { name: /Restricted/ }).check()
  await admin.getByRole('button', { name: 'Save privacy level' }).click()
  await expect(admin.getByText('Saved: the assistant is restricted from the next request on.')).toBeVisible()
})
