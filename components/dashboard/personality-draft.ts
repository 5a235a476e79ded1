import { ELEMENTS, type Element } from '@/lib/engine/elements'
import type { BrandVoice, ElementalSignature, MaiaPersonality } from '@/lib/engine/voice'

/*
 * The personality form works on strings (lists as one item per line); these convert
 * between that and the API's shapes.
 */

export type PersonalityDraft = {
  name: string
  tone: string
  style: string
  values: string
  greeting: string
  signoff: string
  suggestedQuestions: string
  responseStyle: string
  specialtyAreas: string
  prohibitedTopics: string
  phaseGuidance: Record<Element, string>
  primary: Element
  secondary: Element | ''
}

export type PersonalitySource = {
  brandVoice: BrandVoice
  maiaPersonality: MaiaPersonality
  elementalSignature: ElementalSignature
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

export function draftFrom(source: PersonalitySource): PersonalityDraft {
  const guidance = source.maiaPersonality.phaseGuidance
  return {
    name: source.maiaPersonality.name,
    tone: source.brandVoice.tone,
    style: source.brandVoice.style,
    values: source.brandVoice.values.join('\n'),
    greeting: source.brandVoice.greeting ?? '',
    signoff: source.brandVoice.signoff ?? '',
    suggestedQuestions: source.brandVoice.suggestedQuestions.join('\n'),
    responseStyle: source.maiaPersonality.responseStyle,
    specialtyAreas: source.maiaPersonality.specialtyAreas.join('\n'),
    prohibitedTopics: source.maiaPersonality.prohibitedTopics.join('\n'),
    phaseGuidance: Object.fromEntries(ELEMENTS.map((element) => [element, guidance[element] ?? ''])) as Record<Element, string>,
    primary: source.elementalSignature.primary,
    secondary: source.elementalSignature.secondary ?? '',
  }
}

/** The body of `PUT /api/admin/tenants/[id]` for the fields a tenant admin may change. */
export function payloadFrom(draft: PersonalityDraft) {
  const phaseGuidance = Object.fromEntries(
    ELEMENTS.filter((element) => draft.phaseGuidance[element].trim()).map((element) => [element, draft.phaseGuidance[element].trim()]),
  )
  return {
    brandVoice: {
      tone: draft.tone,
      style: draft.style,
      values: lines(draft.values),
      ...(draft.greeting.trim() ? { greeting: draft.greeting.trim() } : {}),
      ...(draft.signoff.trim() ? { signoff: draft.signoff.trim() } : {}),
      suggestedQuestions: lines(draft.suggestedQuestions),
    },
    maiaPersonality: {
      name: draft.name,
      responseStyle: draft.responseStyle,
      specialtyAreas: lines(draft.specialtyAreas),
      prohibitedTopics: lines(draft.prohibitedTopics),
      phaseGuidance,
    },
    elementalSignature: { primary: draft.primary, ...(draft.secondary ? { secondary: draft.secondary } : {}) },
  }
}

/** A field error of `values.3` belongs to the `values` textarea. */
export function fieldError(fields: Record<string, string>, path: string): string | undefined {
  const hit = Object.entries(fields).find(([key]) => key === path || key.startsWith(`${path}.`))
  if (!hit) return undefined
  const index = Number(hit[0].slice(path.length + 1))
  return hit[0] !== path && Number.isInteger(index) ? `Line ${index + 1}: ${hit[1]}` : hit[1]
}
