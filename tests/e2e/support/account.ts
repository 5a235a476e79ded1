import type { Locator, Page } from '@playwright/test'

/** The list on the account page, one item per signed-in device. */
export function sessionList(page: Page): Locator {
  return page.getByRole('list', { name: 'Your sessions' })
}

/** Fills the account page's password form and submits it; the caller checks the outcome. */
export async function submitPasswordChange(page: Page, currentPassword: string, newPassword: string): Promise<void> {
  await page.getByLabel('Current password').fill(currentPassword)
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Repeat new password').fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
}
