import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readWidgetToken, signWidgetToken, type WidgetClaims } from '@/lib/multi-tenant/widget/token'

const key = (id: string) => ({ id, key: randomBytes(32) })
const current = key('k2')
const old = key('k1')
const ring = {
  current,
  byId: new Map([
    [current.id, current.key],
    [old.id, old.key],
  ]),
}
const NOW = 1_800_000_000

const claims: WidgetClaims = {
  tenantId: '5b1d3c8e-0f4a-4c59-9a43-2b7b0f0d9e11',
  origin: 'https://shop.example.com',
  endUser: 'customer-42',
  session: `oeu_${'a'.repeat(43)}`,
  expiresAt: NOW + 900,
}

describe('the widget token', () => {
  it('reads back the tenant, embedding origin, end user and session it was signed with', () => {
    const token = signWidgetToken(claims, ring)
    expect(token.startsWith('owt_')).toBe(true)
    expect(readWidgetToken(token, ring, NOW)).toEqual(claims)
  })

  it('carries an anonymous visitor as a null end user', () => {
    expect(readWidgetToken(signWidgetToken({ ...claims, endUser: null }, ring), ring, NOW)).toEqual({ ...claims, endUser: null })
  })

  it('is refused once expired, to the second', () => {
    const token = signWidgetToken(claims, ring)
    expect(readWidgetToken(token, ring, claims.expiresAt - 1)).toEqual(claims)
    expect(readWidgetToken(token, ring, claims.expiresAt)).toBe('expired')
  })

  it('is refused when any part of its payload is changed: another origin, end user or tenant', () => {
    const token = signWidgetToken(claims, ring)
    const [body = '', signature = ''] = token.slice(4).split('.')
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
    for (const change of [
      { org: 'https://evil.example' },
      { eu: 'customer-1' },
      { tid: '00000000-0000-4000-8000-000000000000' },
      { exp: NOW + 99_999 },
    ]) {
      const forged = Buffer.from(JSON.stringify({ ...payload, ...change })).toString('base64url')
      expect(readWidgetToken(`owt_${forged}.${signature}`, ring, NOW)).toBe('bad_signature')
    }
  })

  it('is refused when signed with a key the ring does not hold, and still read after the current key changes', () => {
    const stranger = { current: key('k2'), byId: new Map() }
    expect(readWidgetToken(signWidgetToken(claims, stranger), ring, NOW)).toBe('bad_signature')
    const signedEarlier = signWidgetToken(claims, { current: old })
    expect(readWidgetToken(signedEarlier, ring, NOW)).toEqual(claims)
  })

  it('refuses what is not a widget token at all', () => {
    for (const token of ['', 'owt_', 'oak_abc.def', `owt_${'x'.repeat(10)}`, `owt_e30.${'A'.repeat(43)}`]) {
      expect(readWidgetToken(token, ring, NOW), token).toBe('malformed')
    }
  })
})
