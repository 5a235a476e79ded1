import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { acceptInvitationAsNewUser, signIn } from './support/auth'
import { expectFinishedInBothSchemes } from './support/checks'
import { createTenantInConsole, inviteMember } from './support/console'
import { platformAdmin, platformUrl, tenantUrl } from './support/hosts'
import { openMailbox } from './support/mailbox'

/*
 * Data rights in the browser: a tenant admin makes a tier and puts a member in it, then
 * exports the organisation's data; the member downloads their own data from the account
 * page. One tenant of its own, so it does not depend on the journey.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const TENANT = { name: 'Quill & Ledger', slug: 'quill-ledger' }
const ADMIN = { email: 'ida@quill.example', password: 'quill-admin-passphrase' }
const MEMBER = { email: 'leo@quill.example', password: 'quill-member-passphrase' }

let admin: Page
let member: Page

test('a tenant admin creates a tier and puts a member in it', async ({ browser }) => {
  const consolePage = await (await browser.newContext()).newPage()
  await signIn(consolePage, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await createTenantInConsole(consolePage, TENANT)
  const mailbox = await openMailbox(browser)
  const adminInvite = await inviteMember(consolePage, mailbox, ADMIN.email, 'admin')
  const memberInvite = await inviteMember(consolePage, mailbox, MEMBER.email, 'user')

  admin = await (await browser.newContext()).newPage()
  await acceptInvitationAsNewUser(admin, mailbox, adminInvite, ADMIN.email, ADMIN.password)
  member = await (await browser.newContext({ acceptDownloads: true })).newPage()
  await acceptInvitationAsNewUser(member, mailbox, memberInvite, MEMBER.email, MEMBER.password)

  await signIn(admin, tenantUrl(TENANT.slug, '/login'), ADMIN.email, ADMIN.password)
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/tiers'))
  await expect(admin.getByRole('heading', { level: 1, name: 'Tiers' })).toBeVisible()
  const form = admin.getByRole('form', { name: 'New tier' })
  await form.getByLabel('Tier name').fill('Basic')
  await form.getByLabel('Messages a month').fill('25')
  await form.getByRole('button', { name: 'Add tier' }).click()
  const tiers = admin.getByRole('list', { name: 'Tiers', exact: true })
  await expect(tiers.getByRole('listitem').filter({ hasText: 'Basic' })).toContainText('25 messages')

  await admin.getByLabel(`Tier of ${MEMBER.email}`).selectOption({ label: 'Basic' })
  await expect(tiers.getByRole('listitem').filter({ hasText: 'Basic' })).toContainText('1 member')
  const row = admin.getByRole('list', { name: 'Members and their tiers' }).getByRole('listitem').filter({ hasText: MEMBER.email })
  await expect(row).toContainText('0 of 25 messages')
  await expectFinishedInBothSchemes(admin, 'dashboard-tiers')
})

test('a tenant admin exports the organisation’s data and downloads the archive once it is built', async () => {
  await admin.goto(tenantUrl(TENANT.slug, '/dashboard/data'))
  await admin.getByRole('button', { name: 'Export data' }).click()
  const link = admin.getByRole('link', { name: 'Download archive' })
  await expect(link).toBeVisible({ timeout: 30_000 })
  const download = admin.waitForEvent('download')
  await link.click()
  expect((await download).suggestedFilename()).toMatch(/^tenant-export-[0-9a-f-]+\.zip$/)
  await expectFinishedInBothSchemes(admin, 'dashboard-data')
})

test('a member downloads a zip of their own data from the account page', async () => {
  await signIn(member, tenantUrl(TENANT.slug, '/login'), MEMBER.email, MEMBER.password)
  await member.goto(tenantUrl(TENANT.slug, '/account'))
  const download = member.waitForEvent('download')
  await member.getByRole('link', { name: 'Download my data' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('my-data.zip')
  const bytes = await readFile(String(await file.path()))
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  expect(bytes.includes(Buffer.from('profile.json'))).toBe(true)
  await expectFinishedInBothSchemes(member, 'account-my-data')
})
