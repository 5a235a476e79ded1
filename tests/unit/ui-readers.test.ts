import { describe, expect, it } from 'vitest'
import { uploadBatches } from '@/components/dashboard/upload-batches'

describe('upload batches', () => {
  const file = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name)

  it('sends at most 500 files and five full-size files of bytes per request', () => {
    const many = Array.from({ length: 1203 }, (_, i) => file(`n${i}.md`, 10))
    expect(uploadBatches(many, 20).map((batch) => batch.length)).toEqual([500, 500, 203])
    const big = Array.from({ length: 7 }, (_, i) => file(`b${i}.pdf`, 20 * 1024 * 1024))
    expect(uploadBatches(big, 20).map((batch) => batch.length)).toEqual([5, 2])
  })
})
