import { describe, expect, it } from 'vitest'
import { addWidgetOriginSchema } from '@/lib/contracts/widget'
import { isNormalOrigin, normaliseOrigin } from '@/lib/contracts/widget-origin'

const originOf = (input: string) => {
  const verdict = normaliseOrigin(input)
  return 'origin' in verdict ? verdict.origin : null
}

describe('normalising an allowed origin', () => {
  it('keeps scheme, host and port, lowercased, and drops the default port and a lone trailing slash', () => {
    expect(originOf('https://shop.example.com')).toBe('https://shop.example.com')
    expect(originOf('  HTTPS://Shop.Example.COM/ ')).toBe('https://shop.example.com')
    expect(originOf('https://shop.example.com:443')).toBe('https://shop.example.com')
    expect(originOf('http://shop.example.com:80')).toBe('http://shop.example.com')
    expect(originOf('http://localhost:5173')).toBe('http://localhost:5173')
    expect(originOf('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(originOf('https://bücher.example')).toBe('https://xn--bcher-kva.example')
  })

  it('refuses what is not an origin: other schemes, paths, queries, fragments, credentials, wildcards, IPv6', () => {
    for (const input of [
      'shop.example.com',
      'ftp://shop.example.com',
      'javascript:alert(1)',
      'https://shop.example.com/page',
      'https://shop.example.com?x=1',
      'https://shop.example.com/#top',
      'https://user:pw@shop.example.com',
      'https://*.example.com',
      'https://[::1]:3000',
      'https://',
      'null',
      '',
    ]) {
      expect(originOf(input), input).toBeNull()
    }
  })

  it('says why an entry was refused, in words an admin can act on', () => {
    expect(normaliseOrigin('https://shop.example.com/page')).toEqual({
      problem: 'must be an origin only (scheme, host and port), without a path',
    })
    expect(normaliseOrigin('shop.example.com')).toEqual({ problem: 'must start with https:// or http://' })
  })

  it('the contract answers the normal form, or a field error naming the problem', () => {
    expect(addWidgetOriginSchema.parse({ origin: 'HTTPS://Shop.Example.com/' })).toEqual({ origin: 'https://shop.example.com' })
    const failed = addWidgetOriginSchema.safeParse({ origin: 'https://*.example.com' })
    expect(failed.success).toBe(false)
    expect(failed.error?.issues[0]?.path).toEqual(['origin'])
  })

  it('tells a browser-sent Origin header in normal form from one that is not', () => {
    expect(isNormalOrigin('https://shop.example.com')).toBe(true)
    expect(isNormalOrigin('http://127.0.0.1:4321')).toBe(true)
    expect(isNormalOrigin('HTTPS://shop.example.com')).toBe(false)
    expect(isNormalOrigin('https://shop.example.com/')).toBe(false)
    expect(isNormalOrigin('null')).toBe(false)
  })
})
