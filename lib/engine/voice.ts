import { z } from 'zod'
import { elementSchema } from './elements'

/*
 * Tenant-shaped inputs. Every field has a default so `schema.parse({})` yields a complete
 * object; unknown keys are stripped (not rejected) so older clients keep working.
 * To default a whole missing object, use `.prefault({})` (zod 4's `.default` skips parsing).
 */

const MAX_TEXT = 500
const MAX_ITEMS = 20
export const MAX_SUGGESTED = 4
const MAX_QUESTION = 160

const text = (max = MAX_TEXT) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
const nonEmptyText = (max = MAX_TEXT) => text(max).min(1, { message: 'must not be empty' })
const textList = () =>
  z
    .array(nonEmptyText(200))
    .max(MAX_ITEMS, { message: `must have at most ${MAX_ITEMS} items` })
    .default([])

export const brandVoiceSchema = z.object({
  tone: nonEmptyText().default('warm'),
  style: nonEmptyText().default('clear and concise'),
  values: textList(),
  greeting: text().optional(),
  signoff: text().optional(),
  /** Opening questions the empty chat offers; none set = suggested from the tenant's documents. */
  suggestedQuestions: z
    .array(nonEmptyText(MAX_QUESTION))
    .max(MAX_SUGGESTED, { message: `must have at most ${MAX_SUGGESTED} items` })
    .default([]),
})
export type BrandVoice = z.infer<typeof brandVoiceSchema>

export const maiaPersonalitySchema = z.object({
  /** The assistant's display name. */
  name: nonEmptyText(80).default('Maia'),
  responseStyle: nonEmptyText().default('balanced'),
  specialtyAreas: textList(),
  prohibitedTopics: textList(),
  /** Extra guidance the tenant gives for conversations read as a given element. */
  phaseGuidance: z.partialRecord(elementSchema, text()).default({}),
})
export type MaiaPersonality = z.infer<typeof maiaPersonalitySchema>

export const elementalSignatureSchema = z.object({
  primary: elementSchema.default('aether'),
  secondary: elementSchema.optional(),
})
export type ElementalSignature = z.infer<typeof elementalSignatureSchema>
