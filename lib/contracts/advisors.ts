import { z } from 'zod'
import { maiaPersonalitySchema } from '@/lib/engine/voice'
import { uuidSchema } from './ids'

/*
 * Advisors (/api/tenant/[slug]/advisors[/id]): a tenant's assistants, each a name, a colour,
 * personality overrides on top of the tenant's voice, starter questions, a knowledge scope
 * (collections) and who may use it. Personal advisors (where the tenant allows them) answer
 * from their owner's private documents and are shared like documents.
 */

export const ADVISOR_ROLES = ['admin', 'user', 'viewer'] as const

/** What an advisor overrides of the tenant's personality; absent fields keep the tenant's. */
export const advisorPersonalitySchema = z.strictObject({
  name: maiaPersonalitySchema.shape.name.unwrap().optional(),
  responseStyle: maiaPersonalitySchema.shape.responseStyle.unwrap().optional(),
  specialtyAreas: maiaPersonalitySchema.shape.specialtyAreas.unwrap().optional(),
  prohibitedTopics: maiaPersonalitySchema.shape.prohibitedTopics.unwrap().optional(),
})
export type AdvisorPersonality = z.infer<typeof advisorPersonalitySchema>

export const advisorVisibilitySchema = z.strictObject({
  all: z.boolean().optional(),
  roles: z.array(z.enum(ADVISOR_ROLES)).max(3).optional(),
  groupIds: z.array(uuidSchema).max(100).optional(),
  userIds: z.array(uuidSchema).max(500).optional(),
})

export const advisorInputSchema = z.strictObject({
  name: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'is required' })
    .max(80, { message: 'must be at most 80 characters' }),
  color: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, { message: 'must be a colour such as #3366cc' })
    .nullish(),
  personality: advisorPersonalitySchema.optional(),
  /** The tenant collections it answers from; a personal advisor has none (it answers from its owner's documents). */
  collectionIds: z.array(uuidSchema).max(50),
  starterQuestions: z
    .array(z.string().trim().min(1, { message: 'must not be empty' }).max(160, { message: 'must be at most 160 characters' }))
    .max(6, { message: 'at most 6 questions' })
    .optional(),
  visibility: advisorVisibilitySchema,
  /** A personal advisor of the caller's own (the default for members who are not admins). */
  personal: z.boolean().optional(),
})
export type AdvisorInput = z.infer<typeof advisorInputSchema>

export const advisorSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  personality: advisorPersonalitySchema,
  collectionIds: z.array(z.string()),
  starterQuestions: z.array(z.string()),
  /** Who may use it; the groups and members named are shown to those who keep it only. */
  visibility: z.strictObject({
    all: z.boolean(),
    roles: z.array(z.enum(ADVISOR_ROLES)),
    groupIds: z.array(z.string()),
    userIds: z.array(z.string()),
  }),
  personal: z.boolean(),
  /** The caller may change and remove it. */
  mayEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Advisor = z.infer<typeof advisorSchema>

export const advisorListSchema = z.strictObject({
  advisors: z.array(advisorSchema),
  /** Whether the caller may add a personal advisor here. */
  mayAddPersonal: z.boolean(),
})
export type AdvisorList = z.infer<typeof advisorListSchema>

/** GET|PUT /api/admin/tenants/[id]/advisor-settings: whether members may add personal advisors. */
export const advisorSettingsSchema = z.strictObject({ allowPersonalAdvisors: z.boolean() })
export type AdvisorSettings = z.infer<typeof advisorSettingsSchema>
