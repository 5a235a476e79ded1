import { z } from 'zod'

/* Bodies of /api/admin/tenants/[id]/exports and /exports/[exportId]. */

export const EXPORT_STATUSES = ['queued', 'building', 'ready', 'failed'] as const

export const tenantExportSchema = z.strictObject({
  id: z.string(),
  status: z.enum(EXPORT_STATUSES),
  byteSize: z.number(),
  /** Why it failed, for the admin; null otherwise. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Where the archive downloads from once it is ready; null before. */
  downloadUrl: z.string().nullable(),
})
export type TenantExport = z.infer<typeof tenantExportSchema>

export const tenantExportResponseSchema = z.strictObject({ export: tenantExportSchema })
export const tenantExportListSchema = z.strictObject({ exports: z.array(tenantExportSchema) })

/** Headers of an archive download (a tenant's export, a member's own). */
export const archiveHeadersSchema = z.strictObject({
  'content-type': z.literal('application/zip'),
  'content-disposition': z.string().startsWith('attachment; '),
  'cache-control': z.literal('private, no-store'),
  'x-content-type-options': z.literal('nosniff'),
})
export type ArchiveHeaders = z.input<typeof archiveHeadersSchema>

export function archiveHeaders(fileName: string): ArchiveHeaders {
  return {
    'content-type': 'application/zip',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }
}
