import { describe, expect, it } from 'vitest'
import { gatedHash, HASH_GATE } from '@/lib/auth/local/hash-gate'
import { AppError } from '@/lib/errors'

/** Work that finishes only when the test says so, counting how many run at once. */
function controlledWork() {
  let running = 0
  let peak = 0
  const releases: (() => void)[] = []
  const work = () =>
    new Promise<string>((resolve) => {
      running += 1
      peak = Math.max(peak, running)
      releases.push(() => {
        running -= 1
        resolve('hashed')
      })
    })
  const releaseAll = async () => {
    while (releases.length > 0 || running > 0) {
      releases.splice(0).forEach((release) => release())
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return { work, releaseAll, peak: () => peak }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: AppError) => error,
  )

describe('the password-hash gate', () => {
  it(`runs at most ${HASH_GATE.concurrency} hashes at once and refuses beyond the queue at once with 503 + Retry-After`, async () => {
    const { work, releaseAll, peak } = controlledWork()
    const admitted = Array.from({ length: HASH_GATE.concurrency + HASH_GATE.queueDepth }, (_, i) => gatedHash(`10.0.0.${i}`, work))
    const overflow = await refusal(gatedHash('10.0.1.1', work))
    expect(overflow).toBeInstanceOf(AppError)
    expect(overflow).toMatchObject({ code: 'unavailable', status: 503, retryAfterSeconds: 1 })
    await releaseAll()
    expect(await Promise.all(admitted)).toEqual(admitted.map(() => 'hashed'))
    expect(peak()).toBe(HASH_GATE.concurrency)
  })

  it(`gives one source at most ${HASH_GATE.perSource} places (429), leaving the rest of the queue to everyone else`, async () => {
    const { work, releaseAll } = controlledWork()
    const flood = Array.from({ length: HASH_GATE.perSource }, () => gatedHash('203.0.113.66', work))
    const refused = await refusal(gatedHash('203.0.113.66', work))
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429 })
    const owner = gatedHash('198.51.100.7', work)
    await releaseAll()
    expect(await owner).toBe('hashed')
    await Promise.all(flood)
    expect(await gatedHash('203.0.113.66', async () => 'again')).toBe('again')
  })

  it('frees the place of a hash that failed', async () => {
    for (let i = 0; i < HASH_GATE.perSource + 1; i++) {
      await expect(gatedHash('192.0.2.9', () => Promise.reject(new Error('broken hash')))).rejects.toThrow('broken hash')
    }
  })
})
