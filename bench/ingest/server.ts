import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/*
 * The app under test: `next start` of the current build on a database of its own, with
 * DEBUG_EVENT_LOOP=1 so it reports its event-loop delay. Killable with SIGKILL and
 * restartable on the same data directory, for the crash run.
 */

export type Server = { url: string; child: ChildProcess }

// `--app` points at another checkout's build (the code before a change, for a comparison).
let root = process.cwd()

export function setAppDir(dir: string): void {
  root = path.resolve(dir)
}

/** Embedded PGlite in `dataDir`, or the Postgres server at `databaseUrl` (an empty database). */
export function serverEnv(dataDir: string, port: number, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    PORT: String(port),
    DEBUG_EVENT_LOOP: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  }
  for (const key of [
    'DATABASE_URL',
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'NEXT_PUBLIC_SUPABASE_URL',
    'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY',
  ])
    delete env[key]
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  return env
}

export function assertBuilt(): void {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No build found: run `npm run build` first.')
}

export function createPlatformAdmin(env: NodeJS.ProcessEnv, email: string, password: string): void {
  if (env.DATABASE_URL) {
    const migrated = spawnSync('npx', ['tsx', 'scripts/db-migrate.ts'], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' })
    if (migrated.status !== 0) throw new Error(`db:migrate failed: ${migrated.stderr}`)
  }
  const result = spawnSync('npx', ['tsx', 'scripts/platform-admin.ts', '--email', email, '--password', password], {
    cwd: root,
    env,
    stdio: 'pipe',
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`platform-admin failed: ${result.stderr}`)
}

export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', () => {})
  child.stderr?.on('data', (chunk: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(chunk))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The server did not start within 60 s.')
}

/** Every process of the server's group (next start and any child it forks). */
function groupPids(leader: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      if (pgrp === leader) pids.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return pids
}

/** Resident memory of the server's processes together, in MB. */
export function serverRssMb(server: Server): number {
  let kb = 0
  for (const pid of groupPids(server.child.pid as number)) {
    try {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((row) => row.startsWith('VmRSS:'))
      kb += Number(line?.replace(/\D+/g, '') ?? 0)
    } catch {
      // Gone meanwhile.
    }
  }
  return Math.round(kb / 1024)
}

export async function stopServer(server: Server, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  process.kill(-(server.child.pid as number), signal)
  await exited
  // Let the group's last processes go, so the data directory is free.
  for (let i = 0; i < 50 && groupPids(server.child.pid as number).length > 0; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
}
