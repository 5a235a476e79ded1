'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@/lib/client/api-error'
import { localKey } from '@/lib/client/chat-types'
import { uploadKnowledgeFiles, watchKnowledgeJobs } from '@/lib/client/knowledge-jobs'
import type { KnowledgeJob } from '@/lib/contracts/knowledge-jobs'
import { uploadBatches } from './upload-batches'

export type UploadStatus = 'uploading' | KnowledgeJob['status']

export type UploadItem = {
  key: string
  name: string
  /** 0..100: bytes sent while uploading, then the job's own progress. */
  progress: number
  status: UploadStatus
  message: string | null
}

type Batch = { key: string; names: string[]; progress: number }

function jobMessage(job: KnowledgeJob): string | null {
  if (job.status === 'failed') return job.error?.message ?? 'The file could not be added.'
  if (job.status === 'done') return job.duplicate ? 'Already in the knowledge base; not stored twice.' : 'Added.'
  return null
}

/**
 * Sends dropped files in as few requests as the limits allow, then follows each file's
 * job live over server-sent events: queued, extracting, embedding, done or failed.
 * `onAdded` runs (at most once a second) while documents are being added.
 */
export function useUploadQueue(tenantId: string, maxMb: number, onAdded: () => void) {
  const [batches, setBatches] = useState<Batch[]>([])
  const [refused, setRefused] = useState<UploadItem[]>([])
  const [order, setOrder] = useState<string[]>([])
  const [jobs, setJobs] = useState<Record<string, KnowledgeJob>>({})
  const mine = useRef(new Set<string>())
  const stopWatching = useRef<(() => void) | null>(null)
  const refresh = useRef<{ timer: ReturnType<typeof setTimeout> | null }>({ timer: null })
  const running = useRef(Promise.resolve())

  const onJobs = useCallback(
    (changed: KnowledgeJob[]) => {
      setJobs((all) => {
        const next = { ...all }
        for (const job of changed) next[job.id] = job
        return next
      })
      if (changed.some((job) => mine.current.has(job.id) && job.status === 'done') && !refresh.current.timer) {
        refresh.current.timer = setTimeout(() => {
          refresh.current.timer = null
          onAdded()
        }, 1000)
      }
    },
    [onAdded],
  )

  useEffect(
    () => () => {
      stopWatching.current?.()
      if (refresh.current.timer) clearTimeout(refresh.current.timer)
    },
    [],
  )

  const sendBatch = useCallback(
    async (batch: Batch, files: File[]) => {
      try {
        const accepted = await uploadKnowledgeFiles(tenantId, files, ({ loaded, total }) => {
          const progress = Math.round((loaded / total) * 100)
          setBatches((all) => all.map((entry) => (entry.key === batch.key ? { ...entry, progress } : entry)))
        })
        const ids: string[] = []
        const failures: UploadItem[] = []
        for (const file of accepted) {
          if (file.id) {
            mine.current.add(file.id)
            ids.push(file.id)
          } else {
            failures.push({
              key: localKey('r'),
              name: file.fileName,
              progress: 100,
              status: 'failed',
              message: file.error?.message ?? 'Refused.',
            })
          }
        }
        setOrder((all) => [...ids, ...all])
        setRefused((all) => [...failures, ...all])
      } catch (cause) {
        const message = errorMessage(cause)
        setRefused((all) => [
          ...batch.names.map((name) => ({ key: localKey('r'), name, progress: 100, status: 'failed' as const, message })),
          ...all,
        ])
      } finally {
        setBatches((all) => all.filter((entry) => entry.key !== batch.key))
      }
    },
    [tenantId],
  )

  const add = useCallback(
    (files: File[]) => {
      stopWatching.current ??= watchKnowledgeJobs(tenantId, onJobs)
      for (const group of uploadBatches(files, maxMb)) {
        const batch: Batch = { key: localKey('b'), names: group.map((file) => file.name), progress: 0 }
        setBatches((all) => [...all, batch])
        running.current = running.current.then(() => sendBatch(batch, group))
      }
    },
    [tenantId, maxMb, onJobs, sendBatch],
  )

  const clearFinished = useCallback(() => {
    setRefused([])
    setOrder((all) => all.filter((id) => jobs[id]?.status !== 'done' && jobs[id]?.status !== 'failed'))
  }, [jobs])

  const items: UploadItem[] = [
    ...batches.flatMap((batch) =>
      batch.names.map((name, index) => ({
        key: `${batch.key}-${index}`,
        name,
        progress: batch.progress,
        status: 'uploading' as const,
        message: null,
      })),
    ),
    ...refused,
    ...order.map((id) => {
      const job = jobs[id]
      return {
        key: id,
        name: job?.fileName ?? '',
        progress: job?.progress ?? 0,
        status: job?.status ?? 'queued',
        message: job ? jobMessage(job) : null,
      }
    }),
  ]
  return { items, add, clearFinished }
}
