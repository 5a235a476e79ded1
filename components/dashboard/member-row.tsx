'use client'

import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { TENANT_ROLES, type TenantRole as Role } from '@/lib/auth/roles'
import { memberResponseSchema, type Member } from '@/lib/contracts/members'
import { noContentSchema } from '@/lib/contracts/no-content'

/** One member: change the role in place, or remove after a confirmation. */
export function MemberRow({
  tenantId,
  member,
  isSelf,
  onChanged,
}: {
  tenantId: string
  member: Member
  isSelf: boolean
  onChanged: () => void
}) {
  const selectId = useId()
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const url = `/api/admin/tenants/${tenantId}/members/${member.userId}`

  async function run(action: () => Promise<unknown>) {
    setBusy(true)
    setError(null)
    try {
      await action()
      onChanged()
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-all text-stone-900">
            {member.email} {isSelf ? <span className="text-sm font-normal text-stone-600">(you)</span> : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            Role of {member.email}
          </label>
          <select
            id={selectId}
            value={member.role}
            disabled={busy}
            onChange={(event) =>
              void run(() => apiFetch(url, memberResponseSchema, { method: 'PATCH', json: { role: event.target.value as Role } }))
            }
            className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm"
          >
            {TENANT_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          {confirming ? (
            <>
              <Button
                size="sm"
                variant="danger"
                busy={busy}
                onClick={() => void run(() => apiFetch(url, noContentSchema, { method: 'DELETE' }))}
              >
                Confirm removal
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => setConfirming(true)} aria-label={`Remove ${member.email}`}>
              Remove
            </Button>
          )}
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  )
}
