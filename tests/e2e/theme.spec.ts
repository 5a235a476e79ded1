import { expect, test, type Page } from '@playwright/test'
import { signIn } from './support/auth'
import { expectAccessible, saveScreenshots } from './support/checks'
import { platformAdmin, platformUrl } from './support/hosts'

/*
 * Dark mode follows the system until the visitor picks a scheme with the toggle, and the
 * pick survives a reload. Contrast is checked by axe in the dark scheme too. The icon is
 * served, so no page asks for a favicon that is not there.
 */

/** Relative luminance of the body's background, 0 (black) to 1 (white). */
async function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')
    if (!probe) throw new Error('no canvas')
    probe.fillStyle = getComputedStyle(document.body).backgroundColor
    probe.fillRect(0, 0, 1, 1)
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data
    const channel = (value: number) => {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  })
}

test('pages follow a dark system preference, stay readable, and a light one stays light', async ({ browser }) => {
  const dark = await (await browser.newContext({ colorScheme: 'dark' })).newPage()
  await dark.goto(platformUrl('/'))
  expect(await bodyLuminance(dark)).toBeLessThan(0.05)
  await expectAccessible(dark, 'landing page, dark')
  await saveScreenshots(dark, 'landing-dark', ['laptop', 'phone'])

  await dark.goto(platformUrl('/login'))
  expect(await bodyLuminance(dark)).toBeLessThan(0.05)
  await expectAccessible(dark, 'console sign-in, dark')
  await signIn(dark, platformUrl('/login'), platformAdmin.email, platformAdmin.password)
  await expect(dark.getByRole('heading', { level: 1 })).toBeVisible()
  await expectAccessible(dark, 'console, dark')
  await saveScreenshots(dark, 'console-dark', ['laptop', 'phone'])

  const light = await (await browser.newContext({ colorScheme: 'light' })).newPage()
  await light.goto(platformUrl('/'))
  expect(await bodyLuminance(light)).toBeGreaterThan(0.9)
})

test('the toggle overrides the system scheme and the choice survives a reload', async ({ browser }) => {
  const page = await (await browser.newContext({ colorScheme: 'light' })).newPage()
  await page.goto(platformUrl('/'))
  await page.getByRole('button', { name: 'System theme: switch to light theme' }).click()
  await page.getByRole('button', { name: 'Light theme: switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await bodyLuminance(page)).toBeLessThan(0.05)

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await bodyLuminance(page)).toBeLessThan(0.05)
  await expect(page.getByRole('button', { name: 'Dark theme: switch to system theme' })).toBeVisible()

  await page.getByRole('button', { name: 'Dark theme: switch to system theme' }).click()
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/)
  expect(await bodyLuminance(page)).toBeGreaterThan(0.9)
})

test('every page links the platform icon and it is served, so no favicon request fails', async ({ page }) => {
  const missing: string[] = []
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url())
  })
  await page.goto(platformUrl('/login'))
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href')
  expect(href).toMatch(/^\/icon\.svg/)
  // Fetched from the page: only the browser resolves the test hosts to the local server.
  const served = await page.evaluate(async (iconHref) => {
    const icon = await fetch(iconHref)
    const manifest = await fetch('/manifest.webmanifest')
    return { status: icon.status, type: icon.headers.get('content-type'), manifest: await manifest.json() }
  }, href ?? '')
  expect(served.status).toBe(200)
  expect(served.type).toContain('image/svg+xml')
  expect(served.manifest.icons[0].src).toBe('/icon.svg')
  expect(missing).toEqual([])
})
