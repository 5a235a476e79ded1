/*
 * Bundles the worker threads, each with the project code it imports: the ingest worker
 * (lib/ingest/worker/entry.ts -> build/ingest-worker.mjs) and the embedded database's
 * thread (lib/db/pglite-thread/entry.ts -> build/pglite-worker.mjs). A worker thread is
 * started from a file path at run time, which Next's server bundle does not provide; one
 * plain file outside the bundle runs the same under `next start`, vitest and the CLI.
 * Packages stay external and load from node_modules.
 */
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

await build({
  absWorkingDir: root,
  entryPoints: { 'ingest-worker': 'lib/ingest/worker/entry.ts', 'pglite-worker': 'lib/db/pglite-thread/entry.ts' },
  outdir: 'build',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
})
