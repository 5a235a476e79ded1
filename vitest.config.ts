import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A key of the run's own, so no test writes a generated key beside the developer's data directory.
    env: { SECRETS_KEY: `vitest:${randomBytes(32).toString('base64')}` },
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      // Pure logic: no database is opened or migrated for it.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // One migrated PGlite snapshot, copied for each file (or TEST_DATABASE_URL's server).
          globalSetup: ['./tests/support/global-setup.ts'],
        },
      },
    ],
  },
})
