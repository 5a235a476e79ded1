import { afterEach, describe, expect, it } from 'vitest'
import { hashPassword, productionCost, setPasswordCostForTests, verifyPassword } from '@/lib/auth/local/password'
import { passwordProblem } from '@/lib/auth/password-policy'

const cheap = { N: 1024, r: 8, p: 1 }

afterEach(() => setPasswordCostForTests(undefined))

describe('scrypt password hashes', () => {
  it('defaults to the production parameters: N = 2^17, r = 8, p = 1 (128 MiB)', () => {
    expect(productionCost).toEqual({ N: 131072, r: 8, p: 1 })
  })

  it('verifies the right password and rejects a wrong one', async () => {
    setPasswordCostForTests(cheap)
    const hash = await hashPassword('correct horse battery')
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false)
  })

  it('salts each hash: the same password hashes differently twice', async () => {
    setPasswordCostForTests(cheap)
    const [a, b] = [await hashPassword('same password'), await hashPassword('same password')]
    expect(a).not.toBe(b)
    expect(a.split('$')[4]).not.toBe(b.split('$')[4])
  })

  it('records its parameters, so a hash made at another cost still verifies', async () => {
    setPasswordCostForTests({ N: 2048, r: 8, p: 1 })
    const hash = await hashPassword('older cost hash')
    expect(hash.startsWith('scrypt$2048$8$1$')).toBe(true)
    setPasswordCostForTests(cheap)
    expect(await verifyPassword('older cost hash', hash)).toBe(true)
  })

  it('never matches a missing or malformed stored hash', async () => {
    setPasswordCostForTests(cheap)
    expect(await verifyPassword('anything', null)).toBe(false)
    expect(await verifyPassword('anything', 'plaintext-password')).toBe(false)
    expect(await verifyPassword('anything', 'scrypt$x$8$1$c2FsdA==$aGFzaA==')).toBe(false)
  })

  it('treats Unicode compositions of the same password as equal (NFKC)', async () => {
    setPasswordCostForTests(cheap)
    const hash = await hashPassword('caf\u00e9 au lait!')
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true)
  })
})

describe('password policy', () => {
  it.each([
    ['123456789', 'a@example.com', /at least 10/],
    ['ALICE@example.com', 'alice@example.com', /email/],
    [' alice.smith ', 'alice.smith@example.com', /email/],
    ['x'.repeat(201), 'a@example.com', /at most/],
  ])('refuses %j for %s', (password, email, message) => {
    expect(passwordProblem(password, email)).toMatch(message)
  })

  it('accepts a long enough password that is not the email', () => {
    expect(passwordProblem('ten chars!', 'a@example.com')).toBeNull()
  })
})
