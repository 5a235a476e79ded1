import { buildTenantExport } from '@/lib/multi-tenant/export'
import type { JobContext } from './context'
import { completeJob, holdJob, type JobRow } from './job-store'
import { LostJob } from './lost-job'

/** A tenant export (the export feature's work) run as one of this runner's jobs, finished in the transaction that stores it. */
export async function runExportJob(context: JobContext, job: JobRow): Promise<void> {
  const exportId = (job.options as { exportId?: unknown }).exportId
  if (typeof exportId !== 'string') throw new Error(`export job ${job.id} names no export`)
  await buildTenantExport(context.db, { tenantId: job.tenant_id, exportId, requestedBy: job.created_by }, async (tx) => {
    if (!(await holdJob(tx, job))) throw new LostJob(job.id)
    await completeJob(tx, job, null, false)
  })
}
