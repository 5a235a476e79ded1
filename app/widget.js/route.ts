import { readFile } from 'node:fs/promises'
import path from 'node:path'

export const dynamic = 'force-dynamic'

let source: Promise<string> | null = null

/**
 * The widget's script for other sites' pages. Cached for an hour by browsers and shared
 * caches (a changed widget reaches every page within the hour, and its pages keep one URL).
 */
export async function GET(): Promise<Response> {
  source ??= readFile(path.join(process.cwd(), 'app/widget.js/widget.source.js'), 'utf8').catch((error: unknown) => {
    source = null
    throw error
  })
  return new Response(await source, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600, stale-while-revalidate=86400',
    },
  })
}
