'use client'

import { useState } from 'react'
import { MembersPanel } from '@/components/dashboard/members-panel'
import { UsagePanel } from '@/components/dashboard/usage-panel'
import { Card, CardHeader } from '@/components/ui/card'
import type { Plan, Tenant } from '@/lib/contracts/tenants'
import { AuditLogViewer } from './audit-log-viewer'
import { TenantSettingsForm } from './tenant-settings-form'

type Props = { tenant: Tenant; plans: Plan[]; currentUserId: string }

/** The console's tenant sections; a save bumps the version, so the usage cards and the audit log read the new values. */
export function TenantConsoleSections({ tenant, plans, currentUserId }: Props) {
  const [version, setVersion] = useState(0)
  return (
    <>
      <Card>
        <CardHeader title="Plan, limits and status" />
        <TenantSettingsForm tenant={tenant} plans={plans} onSaved={() => setVersion((value) => value + 1)} />
      </Card>
      <section aria-labelledby="usage-heading">
        <h2 id="usage-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Usage
        </h2>
        <UsagePanel tenantId={tenant.id} version={version} />
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Members
        </h2>
        <MembersPanel tenantId={tenant.id} currentUserId={currentUserId} />
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Audit log
        </h2>
        <AuditLogViewer endpoint={`/api/admin/tenants/${tenant.id}/audit-logs`} version={version} />
      </section>
    </>
  )
}
