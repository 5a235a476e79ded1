import {
  indexStateResponseSchema,
  jobListResponseSchema,
  jobResponseSchema,
  uploadAcceptedResponseSchema,
  type IndexState,
  type KnowledgeJob,
  type UploadedFile,
} from '@/lib/contracts/knowledge-jobs'
import { apiFetch } from './api'
import { uploadWithProgress, type UploadProgress } from './upload'

/* The dashboard's side of the knowledge job routes, parsed with the server's own contracts. */

const knowledgeUrl = (tenantId: string) => `/api/admin/tenants/${tenantId}/knowledge`

export async function uploadKnowledgeFiles(
  tenantId: string,
  files: File[],
  onProgress: (progress: UploadProgress) => void,
): Promise<UploadedFile[]> {
  const form = new FormData()
  for (const file of files) form.append('files', file, file.name)
  return (await uploadWithProgress(knowledgeUrl(tenantId), uploadAcceptedResponseSchema, form, onProgress)).jobs
}

/**
 * Follows the tenant's jobs live (server-sent events); returns the function that stops.
 * EventSource reconnects by itself after a dropped connection; each reconnection starts
 * with the full list again, so nothing is missed.
 */
export function watchKnowledgeJobs(tenantId: string, onJobs: (jobs: KnowledgeJob[]) => void): () => void {
  const source = new EventSource(`${knowledgeUrl(tenantId)}/jobs?limit=500`)
  source.addEventListener('jobs', (event) => {
    const parsed = jobListResponseSchema.safeParse(JSON.parse((event as MessageEvent<string>).data))
    if (parsed.success) onJobs(parsed.data.jobs)
  })
  source.addEventListener('job', (event) => {
    const parsed = jobResponseSchema.safeParse(JSON.parse((event as MessageEvent<string>).data))
    if (parsed.success) onJobs([parsed.data.job])
  })
  return () => source.close()
}

export function fetchIndexState(tenantId: string): Promise<IndexState> {
  return apiFetch(`${knowledgeUrl(tenantId)}/index`, indexStateResponseSchema)
}

export async function startReindex(tenantId: string): Promise<KnowledgeJob> {
  return (await apiFetch(`${knowledgeUrl(tenantId)}/reindex`, jobResponseSchema, { method: 'POST' })).job
}

export async function startReextract(tenantId: string, knowledgeId: string): Promise<KnowledgeJob> {
  return (await apiFetch(`${knowledgeUrl(tenantId)}/${knowledgeId}/reextract`, jobResponseSchema, { method: 'POST' })).job
}

export async function fetchKnowledgeJob(tenantId: string, jobId: string): Promise<KnowledgeJob> {
  return (await apiFetch(`${knowledgeUrl(tenantId)}/jobs/${jobId}`, jobResponseSchema)).job
}
