import type { OracleProfile } from './profile'

/** How the tenant presents itself on its site and in its widget. */
export type Branding = { assistantName: string; greeting: string; element: string }

/** The tenant's voice as branding, with the platform's defaults where it has set nothing (or cannot be read). */
export function brandingOf(
  tenantName: string,
  voice: Pick<OracleProfile, 'brandVoice' | 'maiaPersonality' | 'elementalSignature'> | null,
): Branding {
  return {
    assistantName: voice?.maiaPersonality.name ?? 'Maia',
    greeting: voice?.brandVoice.greeting || `Welcome to ${tenantName}`,
    element: voice?.elementalSignature.primary ?? 'aether',
  }
}
