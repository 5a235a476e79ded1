'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { useApiQuery } from '@/lib/client/use-api-query'
import { advisorSettingsSchema } from '@/lib/contracts/advisors'

/** Whether members may add advisors over their own private documents. */
export function PersonalAdvisorsSetting({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/advisor-settings`
  const { data, error, reload } = useApiQuery(url, advisorSettingsSchema)
  const [notice, setNotice] = useState<string | null>(null)

  async function change(allowPersonalAdvisors: boolean) {
    setNotice(null)
    try {
      await apiFetch(url, advisorSettingsSchema, { method: 'PUT', json: { allowPersonalAdvisors } })
      setNotice(allowPersonalAdvisors ? 'Members may now add advisors of their own.' : 'Members may no longer add advisors of their own.')
      reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    }
  }

  return (
    <Card>
      <CardHeader title="Personal advisors" description="A personal advisor answers its owner from their own documents only." />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data ? (
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" checked={data.allowPersonalAdvisors} onChange={(event) => void change(event.target.checked)} />
          Members may add advisors over their own documents
        </label>
      ) : null}
      {notice ? (
        <p role="status" className="mt-2 text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
    </Card>
  )
}
