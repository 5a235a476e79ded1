import { describe, expect, it } from 'vitest'
import { limitsDraftFrom, limitsFromDraft } from '@/components/admin/limits-fields'
import { dayToIso, slugFrom } from '@/components/admin/tenant-form-options'
import { draftFrom, fieldError, payloadFrom } from '@/components/dashboard/personality-draft'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'
import { formatBytes, formatLimit, percentOf } from '@/lib/client/format'

describe('personality draft', () => {
  const stored = {
    brandVoice: brandVoiceSchema.parse({ tone: 'warm', values: ['care', 'clarity'], greeting: 'Hello!' }),
    maiaPersonality: maiaPersonalitySchema.parse({ name: 'Luna', specialtyAreas: ['sleep'], phaseGuidance: { water: 'Go gently.' } }),
    elementalSignature: elementalSignatureSchema.parse({ primary: 'water', secondary: 'fire' }),
  }

  it('round-trips the stored personality through the form unchanged', () => {
    const payload = payloadFrom(draftFrom(stored))
    expect(brandVoiceSchema.parse(payload.brandVoice)).toEqual(stored.brandVoice)
    expect(maiaPersonalitySchema.parse(payload.maiaPersonality)).toEqual(stored.maiaPersonality)
    expect(payload.elementalSignature).toEqual(stored.elementalSignature)
    // Who may ask is the privacy level's card, not the personality's.
    expect(payload).not.toHaveProperty('publicAccess')
  })

  it('turns one-per-line text into lists and drops empty guidance', () => {
    const draft = {
      ...draftFrom(stored),
      values: ' care \n\n  honesty ',
      phaseGuidance: { ...draftFrom(stored).phaseGuidance, water: '  ' },
    }
    const payload = payloadFrom(draft)
    expect(payload.brandVoice.values).toEqual(['care', 'honesty'])
    expect(payload.maiaPersonality.phaseGuidance).toEqual({})
  })

  it('puts a list item’s error under its textarea, with the line number', () => {
    expect(fieldError({ 'brandVoice.values.2': 'must not be empty' }, 'brandVoice.values')).toBe('Line 3: must not be empty')
    expect(fieldError({ 'brandVoice.tone': 'must not be empty' }, 'brandVoice.tone')).toBe('must not be empty')
    expect(fieldError({ 'brandVoice.tone': 'x' }, 'brandVoice.style')).toBeUndefined()
  })
})

describe('tenant form helpers', () => {
  it('suggests a slug from a name', () => {
    expect(slugFrom('Sterling & Associates, LLP')).toBe('sterling-associates-llp')
    expect(slugFrom('Café Ünïcode')).toBe('cafe-unicode')
  })

  it('sends empty limits as unlimited and keeps typed numbers', () => {
    const draft = limitsDraftFrom({ conversationsPerMonth: 1000, tokensPerMonth: null, storageMb: 10240, members: null })
    expect(draft.tokensPerMonth).toBe('')
    expect(limitsFromDraft({ ...draft, conversationsPerMonth: '5' })).toEqual({
      conversationsPerMonth: 5,
      tokensPerMonth: null,
      storageMb: 10240,
      members: null,
    })
  })

  it('turns a picked day into the end of that day in UTC', () => {
    expect(dayToIso('2026-12-31')).toBe('2026-12-31T23:59:59Z')
    expect(dayToIso('')).toBeNull()
  })
})

describe('format', () => {
  it('formats sizes, limits and shares', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 GB')
    expect(formatLimit(null)).toBe('Unlimited')
    expect(formatLimit(1000, 'MB')).toBe('1,000 MB')
    expect(percentOf(50, 200)).toBe(25)
    expect(percentOf(500, 200)).toBe(100)
    expect(percentOf(1, null)).toBeNull()
  })
})
