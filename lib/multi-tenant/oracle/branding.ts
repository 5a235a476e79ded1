import { possessive } from '@/lib/client/format'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import type { OracleProfile } from './profile'

/** How the tenant presents itself on its site and in its widget. */
export type Branding = {
  assistantName: string
  greeting: string
  element: string
  /** The opening questions the tenant set (the chat falls back to ones from its documents). */
  suggestedQuestions: string[]
}

/** The tenant's voice as branding, with the tenant's own defaults where it has set nothing (or cannot be read). */
export function brandingOf(
  tenant: Pick<TenantRoute, 'name' | 'element'>,
  voice: Pick<OracleProfile, 'brandVoice' | 'maiaPersonality' | 'elementalSignature'> | null,
): Branding {
  return {
    // Unreadable settings (signed out of a private tenant, a paused one) never fall back to the platform's own names.
    assistantName: voice?.maiaPersonality.name ?? `${possessive(tenant.name)} assistant`,
    greeting: voice?.brandVoice.greeting || `Welcome to ${tenant.name}`,
    element: voice?.elementalSignature.primary ?? tenant.element,
    suggestedQuestions: voice?.brandVoice.suggestedQuestions ?? [],
  }
}
