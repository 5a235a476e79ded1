'use client'

import { useEffect, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatBytes, formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { tenantExportListSchema, tenantExportResponseSchema, type TenantExport } from '@/lib/contracts/exports'

const POLL_MS = 2_000
const STATUS_TEXT: Record<TenantExport['status'], string> = {
  queued: 'Waiting to start…',
  building: 'Building the archive…',
  ready: 'Ready',
  failed: 'Failed',
}

/** Asks for an export of the tenant's data, follows it while it is built, and offers the download. */
export function TenantExportCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/exports`
  const { data, error, reload } = useApiQuery(url, tenantExportListSchema)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const latest = data?.exports[0]
  const inProgress = latest?.status === 'queued' || latest?.status === 'building'

  useEffect(() => {
    if (!inProgress) return
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [inProgress, reload])

  async function start() {
    setBusy(true)
    setFailure(null)
    try {
      await apiFetch(url, tenantExportResponseSchema, { method: 'POST' })
      reload()
    } catch (cause) {
      setFailure(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card>
      <CardHeader
        title="Export the organisation's data"
        description="One zip archive: documents with their original files, passages (without their vectors), conversations with their messages, members, tiers, usage and the audit log, as NDJSON. Asking and downloading are recorded in the audit log."
      />
      <Button onClick={() => void start()} busy={busy || inProgress} disabled={inProgress}>
        {inProgress ? 'Export in progress' : 'Export data'}
      </Button>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {latest ? (
        <div className="mt-4 text-sm text-stone-700" role="status" aria-live="polite">
          <p>
            Latest export, asked for {formatDateTime(latest.createdAt)}:{' '}
            <span className="font-medium text-stone-900">{STATUS_TEXT[latest.status]}</span>
            {latest.status === 'ready' ? ` (${formatBytes(latest.byteSize)})` : null}
          </p>
          {latest.error ? <p className="mt-1 text-red-700">{latest.error}</p> : null}
          {latest.downloadUrl ? (
            <a href={latest.downloadUrl} download className={`${buttonClasses('secondary', 'sm')} mt-2`}>
              Download archive
            </a>
          ) : null}
        </div>
      ) : null}
    </Card>
  )
}
