import type { z } from 'zod'
import { apiErrorFrom, contractError, networkError } from './api-error'

export type UploadProgress = { loaded: number; total: number }

/**
 * POSTs a form with XMLHttpRequest, the one browser API that reports upload progress.
 * Resolves with the JSON body parsed by `schema` (the route's contract) on 2xx; rejects
 * with an ApiError otherwise or when the body breaks the contract.
 */
export function uploadWithProgress<S extends z.ZodType>(
  url: string,
  schema: S,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  return new Promise<z.output<S>>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('accept', 'application/json')
    xhr.responseType = 'text'
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total })
    })
    xhr.addEventListener('load', () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFrom(xhr.status, body, xhr.getResponseHeader('retry-after')))
        return
      }
      const checked = schema.safeParse(body)
      if (checked.success) resolve(checked.data)
      else reject(contractError(xhr.status, checked.error))
    })
    xhr.addEventListener('error', () => reject(networkError(new Error('upload failed'))))
    xhr.addEventListener('abort', () => reject(networkError(new DOMException('aborted', 'AbortError'))))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}
