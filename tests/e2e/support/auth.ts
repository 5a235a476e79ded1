import { expect, type Page } from '@playwright/test'

/** Signs in through a sign-in page and waits for the redirect that follows. */
export async function signIn(page: Page, loginUrl: string, email: string, password: string): Promise<void> {
  await page.goto(loginUrl)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()])
}

/** Opens an invitation link and creates the invited account, which joins the tenant. */
export async function acceptInvitationAsNewUser(page: Page, inviteUrl: string, password: string): Promise<void> {
  await page.goto(inviteUrl)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Join')
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.includes('/invite/')), page.getByRole('button', { name: 'Create account and join' }).click()])
}
