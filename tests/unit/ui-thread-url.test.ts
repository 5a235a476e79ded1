import { describe, expect, it } from 'vitest'
import { chatHomePath, threadIdFromPath, threadPath } from '@/lib/client/thread-url'

const ID = '0b7c6f2e-3d1a-4c55-9e0f-6a7b8c9d0e1f'

describe('conversation addresses', () => {
  it('put the thread under /c/ on the tenant host and under /t/<slug>/c/ on the platform host', () => {
    expect(threadPath('', ID)).toBe(`/c/${ID}`)
    expect(threadPath('/t/aurora-cove', ID)).toBe(`/t/aurora-cove/c/${ID}`)
    expect(chatHomePath('')).toBe('/')
    expect(chatHomePath('/t/aurora-cove')).toBe('/t/aurora-cove')
  })

  it('read the thread back from either address, with or without a trailing slash, in any case', () => {
    expect(threadIdFromPath(threadPath('', ID))).toBe(ID)
    expect(threadIdFromPath(`${threadPath('/t/aurora-cove', ID)}/`)).toBe(ID)
    expect(threadIdFromPath(`/c/${ID.toUpperCase()}`)).toBe(ID)
  })

  it('name no thread for the chat home, another page or a malformed id', () => {
    for (const path of ['/', '/t/aurora-cove', '/account', '/c/not-an-id', `/c/${ID}/more`, `/c/${ID}x`]) {
      expect(threadIdFromPath(path)).toBeNull()
    }
  })
})
