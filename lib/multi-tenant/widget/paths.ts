/*
 * Where the widget lives. widget.js is one script on every host. The widget's page is
 * `/embed` on a tenant's own host and `/embed/<slug>` on the platform host (its own
 * layout: no site header, it is the chat inside the frame); host routing maps the first
 * onto the second.
 */

export const WIDGET_SCRIPT_PATH = '/widget.js'

export const EMBED_PAGE_PATH = '/embed'

/** The tenant slug of the widget's page at this internal path, or null for any other path. */
export function embedPageSlug(pathname: string): string | null {
  return /^\/embed\/([a-z0-9][a-z0-9-]*[a-z0-9])\/?$/.exec(pathname)?.[1] ?? null
}
