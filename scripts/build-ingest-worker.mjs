/*
 * Bundles the ingest worker thread (lib/ingest/worker/entry.ts and the project code it
 * imports) into build/ingest-worker.mjs. A worker thread is started from a file path at
 * run time, which Next's server bundle does not provide; one plain file outside the
 * bundle runs the same under `next start`, vitest and the CLI. Packages stay external
 * and load from node_modules.
 */
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

await build({
  absWorkingDir: root,
  entryPoints: ['lib/ingest/worker/entry.ts'],
  outfile: 'build/ingest-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
})
