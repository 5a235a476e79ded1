import { z } from 'zod'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'
import { slugShapeSchema } from './ids'

/*
 * Bodies of the tenant routes (/api/admin/tenants and /api/admin/tenants/[id]). Pure, so the
 * console parses the answers with the same schemas the server builds them from.
 */

export const PLAN_TIERS = ['starter', 'professional', 'enterprise'] as const
export type PlanTier = (typeof PLAN_TIERS)[number]
export const planTierSchema = z.enum(PLAN_TIERS)

// Ceilings well past any real plan, so a typo cannot overflow what the database counts in
// (storageMb becomes bytes in a bigint): null is how a limit is lifted.
const limitValue = (max: number) =>
  z
    .number()
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must not be negative' })
    .max(max, { message: `must be at most ${max.toLocaleString('en')} (leave it empty for no limit)` })
    .nullable()

/** Monthly and absolute ceilings of a tenant; null = unlimited. */
export const limitsSchema = z.strictObject({
  conversationsPerMonth: limitValue(1_000_000_000),
  tokensPerMonth: limitValue(1_000_000_000_000),
  storageMb: limitValue(10_000_000),
  members: limitValue(1_000_000),
})
export type Limits = z.infer<typeof limitsSchema>

/** A platform admin's override: any subset of the limits; null sets a limit to unlimited. */
export const limitsOverrideSchema = limitsSchema.partial()
export type LimitsOverride = z.infer<typeof limitsOverrideSchema>

export const planSchema = z.strictObject({ tier: planTierSchema, defaults: limitsSchema })
export type Plan = z.infer<typeof planSchema>

/**
 * Slugs that would collide with the platform's own paths or hosts
 * (`<slug>.<PLATFORM_DOMAIN>` and `/t/<slug>`), or that invite phishing.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'admin',
  'app',
  't',
  'static',
  '_next',
  'assets',
  'auth',
  'login',
  'logout',
  'signup',
  'register',
  'dashboard',
  'invite',
  'invites',
  'platform',
  'console',
  'account',
  'accounts',
  'settings',
  'billing',
  'support',
  'help',
  'docs',
  'status',
  'health',
  'mail',
  'email',
  'smtp',
  'cdn',
  'media',
  'images',
  'files',
  'public',
  'root',
  'system',
  'oracle',
  'tenant',
  'tenants',
  'dev',
  'staging',
  'test',
  'demo-admin',
  'security',
  'abuse',
  'no-reply',
])

/**
 * Who may use a tenant's assistant. SQL owns the rule (the tenants.privacy_level check and
 * migration 20261206010000); this is TypeScript's one copy (rule-owners.test.ts compares them).
 * `public`: visitors may ask without an account; `members`: members only (the default);
 * `restricted`: members only, who join through an approved access request or an invitation
 * and nothing else, granted by the platform.
 */
export const PRIVACY_LEVELS = ['public', 'members', 'restricted'] as const
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number]
export const privacyLevelSchema = z.enum(PRIVACY_LEVELS, { message: 'must be public, members or restricted' })

export const TENANT_STATUSES = ['trial', 'active', 'suspended', 'cancelled'] as const
export type TenantStatus = (typeof TENANT_STATUSES)[number]

/** A new or changed slug: the SQL shape, trimmed, and not one of the platform's own names. */
export const slugSchema = z
  .string()
  .trim()
  .pipe(slugShapeSchema)
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: 'is reserved; choose another slug' })

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const hostname = new RegExp(`^(?:${label}\\.)+[a-z]{2,63}$`)

/** A bare host name (no scheme, port or path), stored lowercase. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, { message: 'must be at most 253 characters' })
  .regex(hostname, { message: 'must be a host name such as chat.example.com (no scheme, port or path)' })

const nameSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(120, { message: 'must be at most 120 characters' })

const featuresSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, { message: 'feature names are letters, digits and underscores' }), z.boolean())
  .refine((features) => Object.keys(features).length <= 50, { message: 'must have at most 50 features' })

const trialEndsAtSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-12-31T00:00:00Z' })
  .transform((value) => new Date(value))

const statusSchema = z.enum(TENANT_STATUSES)

/**
 * A Postgres text search configuration name. Which ones a tenant may choose is the
 * database's rule (public.content_languages()); an unknown name is a 400 from its check.
 */
const contentLanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,32}$/, { message: 'must be the name of a text search language such as english, french or simple' })

/** Minutes without a request after which a member's session is signed out (local accounts); null = never. */
const idleTimeoutSchema = z
  .number({ message: 'must be a number of minutes' })
  .int({ message: 'must be a whole number of minutes' })
  .min(5, { message: 'must be at least 5 minutes' })
  .max(43_200, { message: 'must be at most 43200 minutes (30 days)' })

/** Both names of the public level, when a body sends both, say the same. */
function agreesOnPublic(body: { privacyLevel?: PrivacyLevel; publicAccess?: boolean }): boolean {
  return body.privacyLevel === undefined || body.publicAccess === undefined || body.publicAccess === (body.privacyLevel === 'public')
}

/** The level a new tenant gets: privacyLevel, else publicAccess's, else `members`. */
export function createdPrivacyLevel(input: { privacyLevel?: PrivacyLevel; publicAccess?: boolean }): PrivacyLevel {
  return input.privacyLevel ?? (input.publicAccess ? 'public' : 'members')
}

export const tenantCreateSchema = z
  .object({
    name: nameSchema,
    slug: slugSchema,
    domain: domainSchema.nullable().optional(),
    brandVoice: brandVoiceSchema.prefault({}),
    elementalSignature: elementalSignatureSchema.prefault({}),
    maiaPersonality: maiaPersonalitySchema.prefault({}),
    planTier: planTierSchema.default('starter'),
    limits: limitsOverrideSchema.optional(),
    features: featuresSchema.default({}),
    status: statusSchema.default('active'),
    trialEndsAt: trialEndsAtSchema.nullable().optional(),
    privacyLevel: privacyLevelSchema.optional(),
    /** Older clients' name for the public level: true is `public`; privacyLevel wins when both are sent (and must agree). */
    publicAccess: z.boolean().optional(),
  })
  .refine(agreesOnPublic, { message: 'must agree with privacyLevel (true is the public level)', path: ['publicAccess'] })
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>

/** A PUT changes the fields it names; each named object replaces the stored one, except limits, which merge. */
export const tenantUpdateSchema = z
  .object({
    name: nameSchema.optional(),
    slug: slugSchema.optional(),
    domain: domainSchema.nullable().optional(),
    brandVoice: brandVoiceSchema.optional(),
    elementalSignature: elementalSignatureSchema.optional(),
    maiaPersonality: maiaPersonalitySchema.optional(),
    planTier: planTierSchema.optional(),
    limits: limitsOverrideSchema.optional(),
    features: featuresSchema.optional(),
    status: statusSchema.optional(),
    trialEndsAt: trialEndsAtSchema.nullable().optional(),
    privacyLevel: privacyLevelSchema.optional(),
    /** Older clients' switch: true is the `public` level, false leaves `public` for `members` (and keeps members or restricted as it is). */
    publicAccess: z.boolean().optional(),
    contentLanguage: contentLanguageSchema.optional(),
    requireTwoFactor: z.boolean().optional(),
    idleTimeoutMinutes: idleTimeoutSchema.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'name at least one field to change',
  })
  .refine(agreesOnPublic, { message: 'must agree with privacyLevel (true is the public level)', path: ['publicAccess'] })
export type TenantUpdateInput = z.infer<typeof tenantUpdateSchema>

export const tenantDeleteSchema = z.object({
  confirm: z.string({ message: "type the tenant's slug to confirm the deletion" }).trim().min(1, {
    message: "type the tenant's slug to confirm the deletion",
  }),
})

/** What the API returns for a tenant: camelCase, complete, dates as ISO strings. */
export const tenantSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  domain: z.string().nullable(),
  brandVoice: brandVoiceSchema,
  elementalSignature: elementalSignatureSchema,
  maiaPersonality: maiaPersonalitySchema,
  planTier: planTierSchema,
  limits: limitsSchema,
  features: z.record(z.string(), z.boolean()),
  privacyLevel: privacyLevelSchema,
  /** `privacyLevel === 'public'` (the database generates it from the level). */
  publicAccess: z.boolean(),
  /** The text search configuration of the lexical index: stemming and stop words. */
  contentLanguage: z.string(),
  /** Members without two-factor sign-in are refused (403 two_factor_setup_required) until they turn it on. */
  requireTwoFactor: z.boolean(),
  idleTimeoutMinutes: z.number().int().nullable(),
  status: statusSchema,
  /** `status`, except that a trial past its end reads as `suspended` (app_private.tenant_effective_status). */
  effectiveStatus: statusSchema,
  trialEndsAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Tenant = z.infer<typeof tenantSchema>

export const tenantResponseSchema = z.strictObject({ tenant: tenantSchema })
export const tenantListResponseSchema = z.strictObject({ tenants: z.array(tenantSchema) })
