import { describe, expect, it } from 'vitest'
import { planHint } from '@/components/admin/tenant-form-options'
import { possessive } from '@/lib/client/format'

describe('possessive', () => {
  it('adds an apostrophe alone to a name ending in s, and ’s otherwise, with the typographic apostrophe', () => {
    expect(possessive('Sterling & Associates')).toBe('Sterling & Associates’')
    expect(possessive('Beacon Labs')).toBe('Beacon Labs’')
    expect(possessive('ACME INDUSTRIES')).toBe('ACME INDUSTRIES’')
    expect(possessive('Aurora Cove Hotel')).toBe('Aurora Cove Hotel’s')
    expect(possessive('  Maia ')).toBe('Maia’s')
  })
})

describe('planHint', () => {
  it('promises a reset to the new plan’s defaults only when the limits are not edited in the same save', () => {
    expect(planHint(true, false, 'professional')).toBe('Saving sets the limits to the Professional defaults.')
    expect(planHint(true, true, 'professional')).toMatch(/saved as you entered them, not the Professional defaults/)
    expect(planHint(false, true, 'starter')).toMatch(/unless you edit them too/)
    expect(planHint(false, false, 'starter')).not.toMatch(/Starter/)
  })
})
