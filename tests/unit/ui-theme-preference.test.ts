import { describe, expect, it } from 'vitest'
import { nextThemeChoice, parseThemeChoice, themeAttribute } from '@/lib/theme-preference'

describe('the theme preference', () => {
  it('reads a saved choice and treats anything else in the cookie as following the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark')
    expect(parseThemeChoice('light')).toBe('light')
    expect(parseThemeChoice(undefined)).toBe('system')
    expect(parseThemeChoice('"><script>')).toBe('system')
  })

  it('cycles system, light, dark and back, and only an explicit choice sets data-theme', () => {
    expect([nextThemeChoice('system'), nextThemeChoice('light'), nextThemeChoice('dark')]).toEqual(['light', 'dark', 'system'])
    expect(themeAttribute('system')).toBeUndefined()
    expect(themeAttribute('dark')).toBe('dark')
  })
})
