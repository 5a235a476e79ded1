'use client'

import { useCallback, useRef, useState } from 'react'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { localKey } from '@/lib/client/chat-types'
import { uploadWithProgress } from '@/lib/client/upload'

export type UploadItem = {
  key: string
  name: string
  size: number
  /** 0..100 while the bytes travel; the server's processing follows at 100. */
  progress: number
  status: 'queued' | 'uploading' | 'processing' | 'done' | 'failed'
  message: string | null
}

export type UploadOutcome = { ok: true; message: string } | { ok: false; message: string }

/**
 * Uploads files one request each, in order, so every file has its own progress bar and
 * its own result. `describe` turns the route's answer for one file into a line of text.
 */
export function useUploadQueue(url: string, field: string, describe: (body: unknown) => UploadOutcome, onUploaded: () => void) {
  const [items, setItems] = useState<UploadItem[]>([])
  const running = useRef(Promise.resolve())

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)))
  }, [])

  const uploadOne = useCallback(
    async (key: string, file: File) => {
      patch(key, { status: 'uploading' })
      const form = new FormData()
      form.append(field, file, file.name)
      try {
        const body = await uploadWithProgress<unknown>(url, form, ({ loaded, total }) => {
          const progress = Math.round((loaded / total) * 100)
          patch(key, { progress, status: progress >= 100 ? 'processing' : 'uploading' })
        })
        const outcome = describe(body)
        patch(key, { progress: 100, status: outcome.ok ? 'done' : 'failed', message: outcome.message })
        if (outcome.ok) onUploaded()
      } catch (cause) {
        // A duplicate (409) is not a failure: the text is already there.
        const duplicate = cause instanceof ApiError && cause.code === 'conflict'
        patch(key, { status: duplicate ? 'done' : 'failed', message: errorMessage(cause) })
      }
    },
    [url, field, describe, onUploaded, patch],
  )

  const add = useCallback(
    (files: File[]) => {
      const queued = files.map((file) => ({ file, item: { key: localKey('f'), name: file.name, size: file.size, progress: 0, status: 'queued' as const, message: null } }))
      setItems((all) => [...queued.map((entry) => entry.item), ...all])
      for (const { file, item } of queued) {
        running.current = running.current.then(() => uploadOne(item.key, file))
      }
    },
    [uploadOne],
  )

  const clearFinished = useCallback(() => setItems((all) => all.filter((item) => item.status !== 'done' && item.status !== 'failed')), [])

  return { items, add, clearFinished }
}
