#!/usr/bin/env node
/*
 * `npm run test:e2e`: the Playwright suite against the built app on a fresh embedded
 * database. Checks for Debian's Chromium (never skips without it), builds the app,
 * creates the platform admin with the CLI before the server starts (the CLI refuses
 * while the app holds the data directory), then runs Playwright, whose webServer starts
 * `next start` on the same data directory. Before it, the host-routing suite (vitest, raw
 * HTTP with chosen Host headers) runs against the same build on a database of its own.
 * Set E2E_SKIP_BUILD=1 to reuse a build; one made with other dependencies is rebuilt anyway.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildIsFresh } from './build-freshness.mjs'

const CHROMIUM = '/usr/bin/chromium'
const ADMIN = { email: 'platform-admin@e2e.oracle.test', password: 'e2e-platform-admin-password' }

function fail(message) {
  console.error(`\n[e2e] ${message}\n`)
  process.exit(1)
}

// Throws rather than exits, so the temporary database is still removed.
function run(label, command, args, env) {
  console.log(`[e2e] ${label}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${label} failed (exit code ${result.status ?? result.signal}).`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

try {
  accessSync(CHROMIUM, constants.X_OK)
} catch {
  fail(
    `Chromium was not found at ${CHROMIUM}; the end-to-end tests need Debian's Chromium.\n` +
      '      Install it with:  sudo apt-get install chromium   (or: sudo bash scripts/setup-chromium.sh)\n' +
      '      (`npx playwright install` is not used: its browser downloads do not work here.)',
  )
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'oracle-e2e-'))
const port = await freePort()
// Offline mode and the embedded database, whatever the developer's own environment says.
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
  PLATFORM_DOMAIN: 'oracle.test',
  DATABASE_URL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  NEXT_PUBLIC_SUPABASE_URL: '',
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: '',
  TRUST_PROXY: 'false',
  E2E_PORT: String(port),
  E2E_ADMIN_EMAIL: ADMIN.email,
  E2E_ADMIN_PASSWORD: ADMIN.password,
}

let status = 1
try {
  // A build made with other dependencies is rebuilt even when asked to reuse it.
  if (process.env.E2E_SKIP_BUILD !== '1' || !buildIsFresh(process.cwd())) run('build', 'npm', ['run', '--silent', 'build'], env)
  // The routing suite starts its own server on its own database, before Playwright's.
  const routing = spawnSync('npx', ['vitest', 'run', '--config', 'tests/e2e/routing/vitest.config.ts'], { stdio: 'inherit', env })
  run('platform admin', 'npm', ['run', '--silent', 'platform-admin', '--', '--email', ADMIN.email, '--password', ADMIN.password], env)
  const tests = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env })
  status = routing.status === 0 ? (tests.status ?? 1) : 1
} catch (error) {
  console.error(`\n[e2e] ${error.message}\n`)
} finally {
  // The data directory and its lock file (beside it, inside dataDir) go together.
  rmSync(dataDir, { recursive: true, force: true })
}
process.exit(status)
