import { expect, type Page } from '@playwright/test'
import { INVITE_LINK, type Mailbox } from './mailbox'

/** Creates a tenant through the console form; returns its drill-down URL. */
export async function createTenantInConsole(page: Page, tenant: { name: string; slug: string; publicAccess?: boolean }): Promise<string> {
  await page.goto('/admin/tenants/new')
  await page.getByLabel('Name').fill(tenant.name)
  await page.getByLabel('Slug').fill(tenant.slug)
  if (tenant.publicAccess) await page.getByLabel('Visitors can chat without an account').check()
  await Promise.all([page.waitForURL(/\/admin\/tenants\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Create tenant' }).click()])
  await expect(page.getByRole('heading', { level: 1, name: tenant.name })).toBeVisible()
  return page.url()
}

/** Invites someone on a members panel (console drill-down or tenant dashboard); returns the link they were mailed. */
export async function inviteMember(page: Page, mailbox: Mailbox, email: string, role: 'admin' | 'user' | 'viewer'): Promise<string> {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption(role)
  await page.getByRole('button', { name: 'Add member' }).click()
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible()
  return mailbox.link(email, INVITE_LINK)
}
