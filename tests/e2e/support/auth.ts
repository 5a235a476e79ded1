import { expect, type Page } from '@playwright/test'
import { VERIFY_LINK, type Mailbox } from './mailbox'

/** Signs in through a sign-in page and waits for the redirect that follows. */
export async function signIn(page: Page, loginUrl: string, email: string, password: string): Promise<void> {
  await page.goto(loginUrl)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()])
}

/**
 * Opens an invitation link and creates the invited account; the verification link that
 * arrives by mail confirms the address, then signing in on the invitation joins the tenant.
 */
export async function acceptInvitationAsNewUser(
  page: Page,
  mailbox: Mailbox,
  inviteUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(inviteUrl)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Join')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account and join' }).click()
  await expect(page.getByText('Check your mail')).toBeVisible()

  await page.goto(await mailbox.link(email, VERIFY_LINK))
  await page.getByRole('button', { name: 'Verify my email address' }).click()
  await expect(page.getByText('Your email address is verified')).toBeVisible()
  await page.getByRole('link', { name: 'Continue to your invitation' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Join')
  await page.getByRole('button', { name: 'I have an account' }).click()
  await page.getByLabel('Password').fill(password)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.includes('/invite/')),
    page.getByRole('button', { name: 'Sign in and join' }).click(),
  ])
}
