/*
 * Links in answers and documents come from text nobody on the platform wrote, so only
 * plain web and mail links survive. Browsers ignore tabs, newlines and leading control
 * characters inside a scheme ("java\tscript:"), so those are removed before the check.
 */

const allowedSchemes = new Set(['http', 'https', 'mailto'])

/** The URL when it is relative or uses an allowed scheme; otherwise null (the link is dropped). */
export function safeUrl(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (!scheme) return url.trim()
  return allowedSchemes.has((scheme[1] ?? '').toLowerCase()) ? url.trim() : null
}

/** `react-markdown`'s `urlTransform`: runs on every href and src. */
export function markdownUrlTransform(url: string): string | null {
  return safeUrl(url)
}

/**
 * Where to go after signing in: only a path on this site ("/dashboard"), never another
 * origin ("//evil.example", "https://...", "/\\evil.example"), so the link cannot be
 * turned into an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback
  return next
}
