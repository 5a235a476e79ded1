'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { TENANT_ROLES, type TenantRole as Role } from '@/lib/auth/roles'
import { addMemberResponseSchema, type CreatedInvitation } from '@/lib/contracts/members'
import { ROLE_HINTS } from './role-hints'

/** Invites an address: the link goes to it by mail, account or not. */
export function InviteMemberForm({ tenantId, onAdded }: { tenantId: string; onAdded: () => void }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('user')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<{ invitation: CreatedInvitation } | null>(null)
  const fields = error instanceof ApiError ? error.fields : {}

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const added = await apiFetch(`/api/admin/tenants/${tenantId}/members`, addMemberResponseSchema, {
        method: 'POST',
        json: { email, role },
      })
      setResult(added)
      setEmail('')
      onAdded()
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <TextField
          label="Email address"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fields.email}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          error={fields.role}
          hint={ROLE_HINTS[role]}
        >
          {TENANT_ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={busy} className="sm:mt-6">
          Add member
        </Button>
      </form>
      {error && !fields.email && !fields.role ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {result ? (
        <Alert tone="success" title={`Invitation sent to ${result.invitation.email}`}>
          <p>They get a link by mail to join as {result.invitation.role}; it works once and expires in 7 days.</p>
        </Alert>
      ) : null}
    </div>
  )
}
