import { expect, test, type Browser, type Page } from '@playwright/test'
import { generate } from 'otplib'
import { expectAccessible } from './support/checks'
import { platformUrl } from './support/hosts'
import { openMailbox, VERIFY_LINK } from './support/mailbox'

/*
 * Two-factor sign-in from the account page: set up with the key shown (the test plays
 * the authenticator app), recovery codes shown once, then sign-in asks for a code.
 */
test.describe.configure({ mode: 'serial' })

const PERSON = { email: 'tess@two-factor.example', password: 'two-factor-passphrase' }
let secret = ''
let recoveryCodes: string[] = []

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage()
}

/** The code of the authenticator's next step: accepted (one step of drift) and never the one used just before. */
function nextCode(): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
}

async function signInWithPassword(page: Page): Promise<void> {
  await page.goto(platformUrl('/login?next=/account'))
  await page.getByLabel('Email').fill(PERSON.email)
  await page.getByLabel('Password').fill(PERSON.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a person turns on two-factor sign-in from the account page and gets recovery codes', async ({ browser }) => {
  const page = await freshPage(browser)
  // Signed up through the API from the browser (the platform host has no sign-up page; the host map lives in Chromium).
  await page.goto(platformUrl('/'))
  const signup = await page.evaluate(
    (body) =>
      fetch('/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        (response) => response.status,
      ),
    PERSON,
  )
  expect(signup).toBe(202)
  const mailbox = await openMailbox(browser)
  await page.goto(await mailbox.link(PERSON.email, VERIFY_LINK))
  await page.getByRole('button', { name: 'Verify my email address' }).click()
  await expect(page.getByText('Your email address is verified')).toBeVisible()

  await signInWithPassword(page)
  await page.waitForURL((url) => url.pathname === '/account')
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
  secret = (await page.getByTestId('two-factor-secret').textContent())?.trim() ?? ''
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await expectAccessible(page, 'account-two-factor-setup')

  await page.getByLabel('Code from the app').fill('000000')
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByText('is not the current code')).toBeVisible()
  await page.getByLabel('Code from the app').fill(await generate({ secret }))
  await page.getByRole('button', { name: 'Turn on' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  recoveryCodes = (await codes.allTextContents()).map((code) => code.trim())
  await page.getByRole('button', { name: 'I have saved them' }).click()
  await expect(page.getByText('10 of your recovery codes are left')).toBeVisible()
})

test('sign-in then asks for the code, refuses a wrong one and accepts the current one', async ({ browser }) => {
  const page = await freshPage(browser)
  await signInWithPassword(page)
  const codeField = page.getByLabel('Authentication code')
  await expect(codeField).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  await codeField.fill('000000')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('is not right')).toBeVisible()
  await codeField.fill(await nextCode())
  await Promise.all([page.waitForURL((url) => url.pathname === '/account'), page.getByRole('button', { name: 'Sign in' }).click()])
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
})

test('a recovery code signs in once; then the person turns two-factor sign-in off with the password', async ({ browser }) => {
  const page = await freshPage(browser)
  await signInWithPassword(page)
  await page.getByLabel('Authentication code').fill(recoveryCodes[0] ?? '')
  await Promise.all([page.waitForURL((url) => url.pathname === '/account'), page.getByRole('button', { name: 'Sign in' }).click()])
  await expect(page.getByText('9 of your recovery codes are left')).toBeVisible()

  await page.getByRole('button', { name: 'Use my password instead' }).click()
  await page.getByLabel('Your password').fill(PERSON.password)
  await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click()
  await expect(page.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible()
})
