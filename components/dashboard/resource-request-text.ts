import { formatLimit } from '@/lib/client/format'
import type { ResourceRequest, ResourceRequestKind } from '@/lib/contracts/requests'

export const KIND_LABELS: Record<ResourceRequestKind, string> = {
  plan: 'Another plan',
  limits: 'Other limits',
  restricted_access: 'Restricted access',
}

const LIMIT_NAMES: Record<string, string> = {
  conversationsPerMonth: 'conversations a month',
  tokensPerMonth: 'tokens a month',
  storageMb: 'MB of storage',
  members: 'members',
}

/** What a resource request asks for, in words: "Plan: professional", "Limits: 5,000 conversations a month". */
export function describeResourceRequest(request: Pick<ResourceRequest, 'kind' | 'planTier' | 'limits'>): string {
  if (request.kind === 'plan') return `Plan: ${request.planTier ?? '?'}`
  if (request.kind === 'restricted_access') return 'Restricted access'
  const limits = Object.entries(request.limits ?? {}).map(([key, value]) => `${formatLimit(value ?? null)} ${LIMIT_NAMES[key] ?? key}`)
  return `Limits: ${limits.join(', ')}`
}
