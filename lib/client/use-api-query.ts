'use client'

import { useCallback, useEffect, useState } from 'react'
import { apiFetch } from './api'
import { ApiError, networkError } from './api-error'

type Settled<T> = { key: string; data: T | null; error: ApiError | null }

/**
 * GETs `url` (null = nothing to fetch) and refetches when the url, `version` or a
 * `reload()` changes. While a new answer is on its way the last one stays shown;
 * `loading` is derived, so the effect itself never sets state synchronously.
 */
export function useApiQuery<T>(url: string | null, version = 0) {
  const [nonce, setNonce] = useState(0)
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: null, error: null })
  const key = url === null ? '' : `${url}#${version}#${nonce}`

  useEffect(() => {
    if (url === null) return
    let current = true
    apiFetch<T>(url).then(
      (data) => current && setSettled({ key, data, error: null }),
      (cause: unknown) =>
        current && setSettled((previous) => ({ key, data: previous.data, error: cause instanceof ApiError ? cause : networkError(cause) })),
    )
    return () => {
      current = false
    }
  }, [url, key])

  const reload = useCallback(() => setNonce((value) => value + 1), [])
  return { data: settled.data, error: settled.error, loading: url !== null && settled.key !== key, reload }
}
