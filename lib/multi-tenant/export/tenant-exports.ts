import { Readable } from 'node:stream'
import type { TenantExport } from '@/lib/contracts/exports'
import { isUuid } from '@/lib/contracts/ids'
import { asServer, withService, type Database, type Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { tenantArchiveEntries } from './tenant-archive'
import { zipBuffer } from './zip'

/*
 * A tenant admin's export: asked for (a row here and an export job for the knowledge job
 * runner, which polls every few seconds; asking while one is in flight joins it), built by
 * the runner, replacing the tenant's earlier archives, then downloaded in pieces under the
 * admin's own policies. Asking and downloading are audited.
 */

type ExportRow = {
  id: string
  status: TenantExport['status']
  byte_size: string | number
  error_message: string | null
  created_at: Date | string
  finished_at: Date | string | null
}

const exportNotFound = () => new AppError('not_found', 'No such export of this tenant.')

function toExport(row: ExportRow, tenantId: string): TenantExport {
  return {
    id: row.id,
    status: row.status,
    byteSize: Number(row.byte_size),
    error: row.error_message,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    downloadUrl: row.status === 'ready' ? `/api/admin/tenants/${tenantId}/exports/${row.id}/download` : null,
  }
}

const COLUMNS = 'id, status, byte_size, error_message, created_at, finished_at'

export async function requestTenantExport(caller: Acting, tenantId: string): Promise<TenantExport> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const [row] = await tx.query<ExportRow>(
      `insert into public.tenant_exports (tenant_id) values ($1)
       on conflict (tenant_id) where status in ('queued', 'building') do nothing returning ${COLUMNS}`,
      [tenantId],
    )
    if (!row) {
      const [running] = await tx.query<ExportRow>(
        `select ${COLUMNS} from public.tenant_exports where tenant_id = $1 and status in ('queued', 'building')`,
        [tenantId],
      )
      if (!running) throw new AppError('conflict', 'An export of this tenant has just finished; ask again.')
      return toExport(running, tenantId)
    }
    // The job is the server's bookkeeping: it runs for an inactive tenant too, whose data its admins may still take.
    await asServer(tx, (server) =>
      server.query("insert into public.knowledge_jobs (tenant_id, kind, options, created_by) values ($1, 'export', $2::text::jsonb, $3)", [
        tenantId,
        JSON.stringify({ exportId: row.id }),
        caller.session?.userId ?? null,
      ]),
    )
    await recordAudit(tx, { tenantId, action: 'export.create', targetType: 'export', targetId: row.id, ip: caller.ip })
    return toExport(row, tenantId)
  })
}

async function readExport(tx: Queryable, tenantId: string, exportId: string): Promise<ExportRow> {
  await loadTenantForAdmin(tx, tenantId)
  if (!isUuid(exportId)) throw exportNotFound()
  const [row] = await tx.query<ExportRow>(`select ${COLUMNS} from public.tenant_exports where tenant_id = $1 and id = $2`, [
    tenantId,
    exportId,
  ])
  if (!row) throw exportNotFound()
  return row
}

export async function getTenantExport(caller: Acting, tenantId: string, exportId: string): Promise<TenantExport> {
  return caller.run(async (tx) => toExport(await readExport(tx, tenantId, exportId), tenantId))
}

export async function listTenantExports(caller: Acting, tenantId: string): Promise<TenantExport[]> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<ExportRow>(
      `select ${COLUMNS} from public.tenant_exports where tenant_id = $1 order by created_at desc limit 10`,
      [tenantId],
    )
    return rows.map((row) => toExport(row, tenantId))
  })
}

const PIECE_BYTES = 1024 * 1024

/** The archive as a stream of 1 MB pieces, each read in its own transaction under the admin's policies; 409 until it is ready. */
export async function downloadTenantExport(
  caller: Acting,
  tenantId: string,
  exportId: string,
): Promise<{ fileName: string; byteSize: number; body: Readable }> {
  const row = await caller.run(async (tx) => {
    const found = await readExport(tx, tenantId, exportId)
    if (found.status !== 'ready') throw new AppError('conflict', 'This export is not ready yet.')
    await recordAudit(tx, { tenantId, action: 'export.download', targetType: 'export', targetId: exportId, ip: caller.ip })
    return found
  })
  const byteSize = Number(row.byte_size)
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < byteSize; offset += PIECE_BYTES) {
      const [piece] = await caller.run((tx) =>
        tx.query<{ bytes: Uint8Array }>(
          'select substring(archive from $3 for $4) as bytes from public.tenant_exports where tenant_id = $1 and id = $2',
          [tenantId, exportId, offset + 1, PIECE_BYTES],
        ),
      )
      if (!piece) throw exportNotFound()
      yield Buffer.from(piece.bytes)
    }
  }
  return { fileName: `tenant-export-${exportId}.zip`, byteSize, body: Readable.from(pieces()) }
}

/**
 * The job's work (knowledge/jobs/export-job.ts): builds the archive as the server and stores
 * it, with `finish` (the job's own completion) in the same transaction. The person who asked
 * must still be an admin of the tenant (or a platform admin) when it runs.
 */
export async function buildTenantExport(
  db: Database,
  job: { tenantId: string; exportId: string; requestedBy: string | null },
  finish: (tx: Queryable) => Promise<void>,
): Promise<void> {
  const { tenantId, exportId } = job
  await withService(db, (tx) =>
    tx.query("update public.tenant_exports set status = 'building' where tenant_id = $1 and id = $2", [tenantId, exportId]),
  )
  try {
    await withService(db, async (tx) => {
      await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(job.requestedBy ? { sub: job.requestedBy } : {})])
      const [allowed] = await tx.query<{ ok: boolean }>(
        "select (app_private.is_platform_admin() or app_private.is_tenant_member($1, 'admin')) as ok",
        [tenantId],
      )
      if (!allowed?.ok) throw new AppError('forbidden', 'The person who asked for this export is no longer an admin of the tenant.')
      const archive = await zipBuffer(await tenantArchiveEntries(tx, tenantId, new Date()))
      await tx.query(
        "update public.tenant_exports set status = 'ready', archive = $3, byte_size = $4, error_message = null, finished_at = now() where tenant_id = $1 and id = $2",
        [tenantId, exportId, archive, archive.byteLength],
      )
      // The new archive replaces the tenant's earlier ones, so exports do not pile up in the database.
      await tx.query("delete from public.tenant_exports where tenant_id = $1 and id <> $2 and status in ('ready', 'failed')", [
        tenantId,
        exportId,
      ])
      await finish(tx)
    })
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'The export could not be built.'
    await withService(db, (tx) =>
      tx.query(
        "update public.tenant_exports set status = 'failed', error_message = $3, finished_at = now() where tenant_id = $1 and id = $2",
        [tenantId, exportId, message],
      ),
    )
    throw error
  }
}
