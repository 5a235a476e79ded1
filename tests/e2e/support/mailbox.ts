import { expect, type Browser, type Page } from '@playwright/test'
import { signIn } from './auth'
import { platformAdmin, platformUrl } from './hosts'

/*
 * The app runs without SMTP_URL, so its mail lands in the local outbox; a platform
 * admin reads it at /admin/outbox, as a developer would. People follow the links
 * found there, exactly as they would follow them from their own inbox.
 */

export const VERIFY_LINK = /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]{43}/
export const INVITE_LINK = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/

export type Mailbox = { link(to: string, pattern: RegExp): Promise<string> }

export async function openMailbox(browser: Browser): Promise<Mailbox> {
  const page: Page = await (await browser.newContext()).newPage()
  await signIn(page, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  return {
    /** The link of the newest mail to `to` that carries one like `pattern`. */
    async link(to, pattern) {
      await page.goto(platformUrl('/admin/outbox'))
      const mail = page
        .getByRole('article', { name: new RegExp(`^Mail to ${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`) })
        .filter({ hasText: pattern })
        .first()
      await expect(mail).toBeVisible()
      const found = pattern.exec((await mail.textContent()) ?? '')?.[0]
      if (!found) throw new Error(`no mail to ${to} with a link like ${pattern}`)
      return found
    },
  }
}
