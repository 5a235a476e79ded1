import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiFetch, ApiError } from '@/lib/client/api'
import { uploadWithProgress } from '@/lib/client/upload'
import { knowledgeListResponseSchema } from '@/lib/contracts/knowledge'
import { uploadAcceptedResponseSchema } from '@/lib/contracts/knowledge-jobs'

const item = {
  id: 'k1',
  title: 'Policies',
  category: null,
  tags: [],
  elementalTags: [],
  sourceType: 'pdf',
  filename: 'policies.pdf',
  byteSize: 2048,
  tokenCount: 400,
  chunkCount: 3,
  createdAt: '2026-11-23T10:00:00.000Z',
}
const page = { items: [item], total: 1, page: 1, pageSize: 20, storage: { usedBytes: 2048, limitBytes: null } }

function answering(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(body, { status })),
  )
}

/** Just enough of XMLHttpRequest for uploadWithProgress: answers `send` with the given status and body. */
function xhrAnswering(status: number, body: unknown): void {
  class FakeXhr extends EventTarget {
    readonly upload = new EventTarget()
    responseType = ''
    status = 0
    responseText = ''
    open(): void {}
    setRequestHeader(): void {}
    getResponseHeader(): string | null {
      return null
    }
    abort(): void {}
    send(): void {
      this.upload.dispatchEvent(Object.assign(new Event('progress'), { lengthComputable: true, loaded: 10, total: 10 }))
      this.status = status
      this.responseText = JSON.stringify(body)
      queueMicrotask(() => this.dispatchEvent(new Event('load')))
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
}

const upload = () => uploadWithProgress('/api/x', uploadAcceptedResponseSchema, new FormData(), () => {})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the knowledge list contract', () => {
  it('reads a page of documents with its total and storage', async () => {
    answering(200, page)
    await expect(apiFetch('/api/x', knowledgeListResponseSchema)).resolves.toEqual(page)
  })

  it('refuses a page in snake_case or under another wrapper key', async () => {
    const { sourceType, byteSize, chunkCount, ...rest } = item
    answering(200, { ...page, items: [{ ...rest, source_type: sourceType, byte_size: byteSize, chunk_count: chunkCount }] })
    await expect(apiFetch('/api/x', knowledgeListResponseSchema)).rejects.toMatchObject({ code: 'contract' })
    const { items, ...unwrapped } = page
    answering(200, { ...unwrapped, documents: items })
    await expect(apiFetch('/api/x', knowledgeListResponseSchema)).rejects.toMatchObject({ code: 'contract' })
  })
})

describe('an upload with progress', () => {
  it('resolves with the accepted jobs the upload contract describes', async () => {
    const accepted = { jobs: [{ id: 'j1', fileName: 'a.md', status: 'queued' }] }
    xhrAnswering(202, accepted)
    await expect(upload()).resolves.toEqual(accepted)
  })

  it('rejects a 2xx body that breaks the upload contract with a contract ApiError', async () => {
    xhrAnswering(202, { jobs: [{ id: 'j1', file_name: 'a.md', status: 'queued' }] })
    const failure = await upload().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 202, code: 'contract' })
  })

  it('rejects a refusal with the API error, not a contract error', async () => {
    xhrAnswering(413, { error: { code: 'payload_too_large', message: 'Too large.' } })
    await expect(upload()).rejects.toMatchObject({ status: 413, code: 'payload_too_large' })
  })
})
