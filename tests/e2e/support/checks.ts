import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

const SCREENSHOTS = 'test-results/screenshots'
export const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const

/** axe on the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    )
  expect(blocking, `accessibility violations on ${name}`).toEqual([])
}

/**
 * Screenshots at the given widths, saved for people to look at (not compared). Full page
 * by default; `fullPage: false` shows what the reader sees (the chat, scrolled to its end,
 * with its composer pinned to the bottom of the window).
 */
export async function saveScreenshots(
  page: Page,
  name: string,
  widths: (keyof typeof VIEWPORTS)[] = ['laptop'],
  fullPage = true,
): Promise<void> {
  const original = page.viewportSize()
  for (const width of widths) {
    await page.setViewportSize(VIEWPORTS[width])
    if (!fullPage) await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }))
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage })
  }
  if (original) await page.setViewportSize(original)
}

/**
 * axe and screenshots at laptop and phone width, in the light and the dark scheme; nothing
 * scrolls sideways on the phone. `fullPage: false` as for saveScreenshots.
 */
export async function expectFinishedInBothSchemes(page: Page, name: string, fullPage = true): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectAccessible(page, `${name}, ${scheme}`)
    await saveScreenshots(page, `${name}-${scheme}`, ['laptop', 'phone'], fullPage)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  const original = page.viewportSize()
  await page.setViewportSize(VIEWPORTS.phone)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0)
  if (original) await page.setViewportSize(original)
}
