import { describe, expect, it } from 'vitest'
import { safeNextPath, safeUrl } from '@/lib/client/safe-url'

describe('safeUrl', () => {
  it('keeps web, mail and relative links', () => {
    expect(safeUrl('https://example.com/a?b=c')).toBe('https://example.com/a?b=c')
    expect(safeUrl('http://example.com')).toBe('http://example.com')
    expect(safeUrl('mailto:help@example.com')).toBe('mailto:help@example.com')
    expect(safeUrl('/t/acme/login')).toBe('/t/acme/login')
    expect(safeUrl('#section')).toBe('#section')
  })

  it('drops script and data links however they are disguised', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('JavaScript:alert(1)')).toBeNull()
    expect(safeUrl(' java\tscript:alert(1)')).toBeNull()
    expect(safeUrl('\u0001javascript:alert(1)')).toBeNull()
    expect(safeUrl('data:text/html;base64,PHNjcmlwdD4=')).toBeNull()
    expect(safeUrl('vbscript:msgbox(1)')).toBeNull()
  })
})

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/dashboard/knowledge?tab=1', '/')).toBe('/dashboard/knowledge?tab=1')
  })

  it('falls back for other origins and odd input', () => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example', 'dashboard', '', null, undefined, '/a\nb']) {
      expect(safeNextPath(next, '/home')).toBe('/home')
    }
  })
})
