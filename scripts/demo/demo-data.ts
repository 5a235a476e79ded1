import { lunaWellnessDocuments } from './documents/luna-wellness'
import { novaLabsDocuments } from './documents/nova-labs'
import { sterlingLawDocuments } from './documents/sterling-law'
import type { DemoDocument } from './documents/types'

/*
 * The three example tenants of the original design: a law firm, a wellness coach and a
 * tech startup. Bodies are in the camelCase shape of POST /api/admin/tenants.
 */

export type DemoTenant = {
  tenant: Record<string, unknown> & { name: string; slug: string }
  documents: DemoDocument[]
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    tenant: {
      name: 'Sterling & Associates',
      slug: 'sterling-law',
      planTier: 'professional',
      status: 'active',
      publicAccess: false,
      elementalSignature: { primary: 'earth', secondary: 'air' },
      brandVoice: {
        tone: 'formal',
        style: 'precise, structured and plain-spoken; cites the firm document it relies on',
        values: ['accuracy', 'confidentiality', 'clarity'],
        greeting: 'Good day. How may Sterling & Associates help you?',
        signoff: 'This is general information, not legal advice for your situation.',
      },
      maiaPersonality: {
        name: 'Counsel',
        responseStyle: 'structured',
        specialtyAreas: ['business formation', 'commercial leases', 'estate planning', 'fees and billing'],
        prohibitedTopics: ['predicting the outcome of a specific case', 'advice on matters in other jurisdictions'],
        phaseGuidance: {
          earth: 'Lay out the concrete next steps and documents needed.',
          air: 'Explain the reasoning and the trade-offs between options.',
        },
      },
    },
    documents: sterlingLawDocuments,
  },
  {
    tenant: {
      name: 'Luna Wellness',
      slug: 'luna-wellness',
      planTier: 'starter',
      status: 'active',
      publicAccess: true,
      elementalSignature: { primary: 'water', secondary: 'fire' },
      brandVoice: {
        tone: 'warm',
        style: 'gentle, encouraging and personal; short paragraphs and one practical step at a time',
        values: ['compassion', 'consistency over intensity', 'whole-person care'],
        greeting: 'Welcome, I am glad you are here. What is on your mind today?',
        signoff: 'Be gentle with yourself.',
      },
      maiaPersonality: {
        name: 'Luna',
        responseStyle: 'nurturing',
        specialtyAreas: ['sleep', 'stress and breathwork', 'morning rituals', 'coaching packages'],
        prohibitedTopics: ['medical diagnosis', 'medication advice'],
        phaseGuidance: {
          water: 'Acknowledge the feeling before offering any practice.',
          fire: 'Celebrate the intention and suggest one small, brave step.',
        },
      },
    },
    documents: lunaWellnessDocuments,
  },
  {
    tenant: {
      name: 'Nova Labs',
      slug: 'nova-labs',
      planTier: 'enterprise',
      status: 'trial',
      trialEndsAt: '2099-12-31T00:00:00Z',
      publicAccess: false,
      elementalSignature: { primary: 'air', secondary: 'fire' },
      brandVoice: {
        tone: 'crisp',
        style: 'direct and technical; code-level detail when it helps, no filler',
        values: ['speed', 'transparency', 'developer experience'],
        greeting: 'Hi! Ask me anything about Nova: API, limits, security or releases.',
      },
      maiaPersonality: {
        name: 'Nova',
        responseStyle: 'concise',
        specialtyAreas: ['forecast API', 'rate limits', 'security', 'release notes'],
        prohibitedTopics: ['unreleased roadmap commitments'],
        phaseGuidance: {
          air: 'Be exact: name endpoints, fields and numbers.',
          fire: 'Point to the fastest path to a working result.',
        },
      },
    },
    documents: novaLabsDocuments,
  },
]

export type DemoAccount = {
  email: string
  password: string
  label: string
  platformAdmin?: boolean
  tenantSlug?: string
  role?: 'admin' | 'user'
}

// Well-known passwords: these accounts exist only to explore a local demo.
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.local', password: 'demo-platform-admin', label: 'platform admin', platformAdmin: true },
  ...DEMO_TENANTS.flatMap(({ tenant }): DemoAccount[] => [
    {
      email: `admin@${tenant.slug}.demo.local`,
      password: `${tenant.slug}-admin`,
      label: `${tenant.name} admin`,
      tenantSlug: tenant.slug,
      role: 'admin',
    },
    {
      email: `member@${tenant.slug}.demo.local`,
      password: `${tenant.slug}-member`,
      label: `${tenant.name} member`,
      tenantSlug: tenant.slug,
      role: 'user',
    },
  ]),
]
