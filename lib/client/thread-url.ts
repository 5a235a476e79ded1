/*
 * A conversation's address: `<base>/c/<id>`, where the base is '' on the tenant's own
 * host and `/t/<slug>` on the platform's. The chat keeps the address bar on the open
 * thread so a reload, a bookmark or a shared link (for its owner) reopens it.
 */

const THREAD_PATH = /\/c\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i

export function threadPath(basePath: string, id: string): string {
  return `${basePath}/c/${encodeURIComponent(id)}`
}

/** Where a new conversation starts: the chat's own address. */
export function chatHomePath(basePath: string): string {
  return basePath || '/'
}

/** The thread a path names, or null for the chat's home (or anything else). */
export function threadIdFromPath(pathname: string): string | null {
  return THREAD_PATH.exec(pathname)?.[1]?.toLowerCase() ?? null
}
