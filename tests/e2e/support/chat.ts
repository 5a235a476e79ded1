import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Sends a question and waits for the whole answer; returns the answer's article and the
 * oracle response's content type (to prove it was streamed).
 */
export async function ask(page: Page, question: string): Promise<{ answer: Locator; contentType: string }> {
  const before = await page.getByRole('article').count()
  const response = page.waitForResponse((candidate) => candidate.url().includes('/oracle') && candidate.request().method() === 'POST')
  await page.getByLabel('Your message').fill(question)
  await page.getByLabel('Your message').press('Enter')
  const contentType = (await response).headers()['content-type'] ?? ''
  const answer = page.getByRole('article').nth(before)
  await expect(page.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  return { answer, contentType }
}

export async function expectNoScriptRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i]')).toHaveCount(0)
}
