import { scrypt } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { hashPassword, setPasswordCostForTests, verifyPassword } from '@/lib/auth/local/password'

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, scrypt: vi.fn(actual.scrypt) }
})

const scryptCalls = vi.mocked(scrypt)

beforeEach(() => {
  setPasswordCostForTests({ N: 1024, r: 8, p: 1 })
})

describe('no timing difference between an unknown email and a wrong password', () => {
  it('runs scrypt once, at the current cost, when there is no stored hash', async () => {
    const stored = await hashPassword('the real password')
    scryptCalls.mockClear()
    await verifyPassword('a guess', stored)
    const wrongPassword = scryptCalls.mock.calls.map((call) => call[3])
    scryptCalls.mockClear()
    await verifyPassword('a guess', null)
    const unknownEmail = scryptCalls.mock.calls.map((call) => call[3])
    expect(unknownEmail).toHaveLength(1)
    expect(unknownEmail).toEqual(wrongPassword)
  })
})
