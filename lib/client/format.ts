const numberFormat = new Intl.NumberFormat('en')
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** 12.3k, 4.5M: for chart labels where space is short. */
export function formatCompact(value: number): string {
  return compactFormat.format(value)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** A limit that may be unlimited (null), in words. */
export function formatLimit(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return 'Unlimited'
  return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`
}

/** Share of a limit used, 0..100 (capped), or null when unlimited. */
export function percentOf(used: number, limit: number | null | undefined): number | null {
  if (limit === null || limit === undefined) return null
  if (limit <= 0) return 100
  return Math.min(100, Math.round((used / limit) * 100))
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/** Dates are shown in UTC so server and browser render the same text (no hydration mismatch). */
export function formatDateTime(value: string | Date): string {
  return `${dateTimeFormat.format(new Date(value))} UTC`
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "December 2026": a usage period (its first day) by name. */
export function formatMonth(value: string | Date): string {
  return monthFormat.format(new Date(value))
}

export function formatDay(value: string | Date): string {
  return dayFormat.format(new Date(value))
}

export function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

/** "Aurora Cove’s", "Sterling & Associates’": the one way a name is made possessive, with a typographic apostrophe. */
export function possessive(name: string): string {
  const trimmed = name.trim()
  return /s$/i.test(trimmed) ? `${trimmed}’` : `${trimmed}’s`
}
