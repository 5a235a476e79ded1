'use client'

import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { apiKeyListResponseSchema } from '@/lib/contracts/api-keys'
import { ApiKeyRow } from './api-key-row'
import { CreateApiKeyForm } from './create-api-key-form'
import { IdentitySecretCard } from './identity-secret-card'

export function ApiKeysPanel({ tenantId }: { tenantId: string }) {
  const { data: list, error, reload } = useApiQuery(`/api/admin/tenants/${tenantId}/api-keys`, apiKeyListResponseSchema)
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Create a key" description="A key acts for this organisation with the scopes you give it, and nothing more." />
        <CreateApiKeyForm tenantId={tenantId} onCreated={reload} />
      </Card>
      <Card>
        <CardHeader title="Keys" description="Listed by their first characters; the secret itself is never shown again." />
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {!list && !error ? <p className="text-stone-600">Loading…</p> : null}
        {list && list.keys.length === 0 ? <EmptyState title="No keys yet">Create the first one above.</EmptyState> : null}
        {list && list.keys.length > 0 ? (
          <ul className="divide-y divide-stone-200">
            {list.keys.map((key) => (
              <ApiKeyRow key={key.id} tenantId={tenantId} apiKey={key} onChanged={reload} />
            ))}
          </ul>
        ) : null}
      </Card>
      <IdentitySecretCard tenantId={tenantId} />
    </div>
  )
}
