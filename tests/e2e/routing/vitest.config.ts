import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Run by `npm run test:e2e` against the built app; alone: `npx vitest run --config tests/e2e/routing/vitest.config.ts`.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../../..', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['tests/e2e/routing/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
})
