import { defineConfig, devices } from '@playwright/test'

/*
 * Run through `npm run test:e2e` (scripts/run-e2e.mjs), which builds the app, prepares a
 * fresh embedded database with a platform admin and passes its location here.
 */
const port = process.env.E2E_PORT
if (!port || !process.env.PGLITE_DATA_DIR) {
  throw new Error('Run the end-to-end tests with `npm run test:e2e`: it builds the app and prepares a fresh database first.')
}

const PLATFORM_DOMAIN = 'oracle.test'

export default defineConfig({
  testDir: 'tests/e2e',
  // tests/e2e/routing holds the vitest host-routing suite that the same runner starts first.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://${PLATFORM_DOMAIN}:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Every tenant host (<slug>.oracle.test) and the platform host reach the local server.
        `--host-resolver-rules=MAP *.${PLATFORM_DOMAIN} 127.0.0.1, MAP ${PLATFORM_DOMAIN} 127.0.0.1`,
      ],
    },
  },
  webServer: {
    command: `npx next start -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
