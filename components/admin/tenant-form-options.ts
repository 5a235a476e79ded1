export const PLAN_OPTIONS = [
  { value: 'starter', label: 'Starter: 1,000 conversations, 10 GB' },
  { value: 'professional', label: 'Professional: 10,000 conversations, 50 GB' },
  { value: 'enterprise', label: 'Enterprise: unlimited' },
] as const

export const STATUS_OPTIONS = ['trial', 'active', 'suspended', 'cancelled'] as const

export const ELEMENT_OPTIONS = ['fire', 'water', 'earth', 'air', 'aether'] as const

/** A slug suggestion from a name: "Acme Law & Co." → "acme-law-co". */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
}

/** `<input type="date">` gives a day; the API wants an ISO date-time (end of that day, UTC). */
export function dayToIso(day: string): string | null {
  return day ? `${day}T23:59:59Z` : null
}

export function isoToDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : ''
}
