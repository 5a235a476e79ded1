import { setDatabaseForTests } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'
import { seedDemo, type SeedSummary } from '@/scripts/demo/demo-seed'

function printSummary(summary: SeedSummary, platformDomain: string, port: number): void {
  console.log('\nDemo tenants:')
  for (const tenant of summary.tenants) {
    console.log(
      `  ${tenant.slug.padEnd(14)} http://${tenant.slug}.${platformDomain}:${port}  or  http://${platformDomain}:${port}/t/${tenant.slug}`,
    )
  }
  console.log('\nDemo accounts (for this local demo only):')
  for (const account of summary.accounts) {
    console.log(`  ${account.label.padEnd(30)} ${account.email.padEnd(36)} ${account.password}`)
  }
}

async function main() {
  const env = config()
  if (env.modes.auth === 'supabase') {
    throw new Error(
      'seed:demo creates local email+password accounts, which Supabase Auth does not use. ' +
        'Unset NEXT_PUBLIC_SUPABASE_URL to seed the embedded demo, or create accounts by signing up and run npm run platform-admin.',
    )
  }
  // Opening the embedded directory fails with a clear "in use" error while the app runs.
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR)
  // Anything below that asks for the process's database gets this one, never a second copy.
  setDatabaseForTests(db)
  try {
    await migrate(db, process.cwd(), (line) => console.log(line))
    const summary = await seedDemo(db, (line) => console.log(line))
    printSummary(summary, env.PLATFORM_DOMAIN, env.PORT)
  } finally {
    setDatabaseForTests(undefined)
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
