import { capitalise, formatNumber } from '@/lib/client/format'
import type { Plan } from '@/lib/contracts/tenants'

/** "Starter: 1,000 conversations, 10 GB": a plan's name and the defaults the database gives it. */
export function planLabel({ tier, defaults }: Plan): string {
  const { conversationsPerMonth, storageMb } = defaults
  if (conversationsPerMonth === null && storageMb === null) return `${capitalise(tier)}: unlimited`
  const conversations = conversationsPerMonth === null ? 'unlimited conversations' : `${formatNumber(conversationsPerMonth)} conversations`
  const storage =
    storageMb === null ? 'unlimited storage' : storageMb % 1024 === 0 ? `${storageMb / 1024} GB` : `${formatNumber(storageMb)} MB`
  return `${capitalise(tier)}: ${conversations}, ${storage}`
}

export const STATUS_OPTIONS = ['trial', 'active', 'suspended', 'cancelled'] as const

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

/**
 * What the plan field says will happen on Save. The server starts a new plan from its
 * defaults, but limits sent in the same save (the form sends all four) are kept as entered.
 */
export function planHint(planChanged: boolean, limitsChanged: boolean, tier: string): string {
  if (!planChanged) return 'Choosing another plan resets the limits to its defaults, unless you edit them too.'
  if (limitsChanged) return `The limits below are saved as you entered them, not the ${capitalise(tier)} defaults.`
  return `Saving sets the limits to the ${capitalise(tier)} defaults.`
}
