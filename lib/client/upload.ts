import { apiErrorFrom, networkError } from './api-error'

export type UploadProgress = { loaded: number; total: number }

/**
 * POSTs a form with XMLHttpRequest, the one browser API that reports upload progress.
 * Resolves with the parsed JSON body on 2xx; rejects with an ApiError otherwise.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T)
      else reject(apiErrorFrom(xhr.status, body, xhr.getResponseHeader('retry-after')))
    })
    xhr.addEventListener('error', () => reject(networkError(new Error('upload failed'))))
    xhr.addEventListener('abort', () => reject(networkError(new DOMException('aborted', 'AbortError'))))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(form)
  })
}
