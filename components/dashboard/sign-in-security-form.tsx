'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { tenantResponseSchema } from '@/lib/contracts/tenants'

type Props = { tenantId: string; initial: { requireTwoFactor: boolean; idleTimeoutMinutes: number | null } }

type Outcome = { tone: 'success' | 'error'; text: string } | null

/** The tenant's sign-in rules for its members: two-factor sign-in required, and the idle timeout. */
export function SignInSecurityForm({ tenantId, initial }: Props) {
  const [requireTwoFactor, setRequireTwoFactor] = useState(initial.requireTwoFactor)
  const [idle, setIdle] = useState(initial.idleTimeoutMinutes === null ? '' : String(initial.idleTimeoutMinutes))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setOutcome(null)
    // Checked here too: a number field's text is not a number until it is one.
    if (idle.trim() !== '' && !/^\d+$/.test(idle.trim())) return setFields({ idleTimeoutMinutes: 'must be a whole number of minutes' })
    setFields({})
    setBusy(true)
    try {
      const idleTimeoutMinutes = idle.trim() === '' ? null : Number(idle)
      const { tenant } = await apiFetch(`/api/admin/tenants/${tenantId}`, tenantResponseSchema, {
        method: 'PUT',
        json: { requireTwoFactor, idleTimeoutMinutes },
      })
      setRequireTwoFactor(tenant.requireTwoFactor)
      setIdle(tenant.idleTimeoutMinutes === null ? '' : String(tenant.idleTimeoutMinutes))
      setOutcome({ tone: 'success', text: 'Saved. The rules apply to every member from their next request.' })
    } catch (cause) {
      const found = cause instanceof ApiError ? cause.fields : {}
      setFields(found)
      if (!found.idleTimeoutMinutes) setOutcome({ tone: 'error', text: errorMessage(cause) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card>
      <CardHeader title="Sign-in security" description="Rules for everyone who signs in to this tenant, admins included." />
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        <label className="flex items-start gap-3 text-sm text-stone-800">
          <input
            type="checkbox"
            name="requireTwoFactor"
            checked={requireTwoFactor}
            onChange={(event) => setRequireTwoFactor(event.target.checked)}
            className="mt-0.5 size-4 rounded border-stone-400 accent-indigo-700"
          />
          <span>
            <span className="font-medium">Require two-factor sign-in</span>
            <span className="block text-stone-600">
              Members without it are asked to turn it on on their account page before they can use the tenant. Turn on your own first.
            </span>
          </span>
        </label>
        <TextField
          label="Sign out after this many idle minutes"
          name="idleTimeoutMinutes"
          inputMode="numeric"
          value={idle}
          onChange={(event) => setIdle(event.target.value)}
          hint="5 to 43200 (30 days); empty for no idle timeout. Applies to accounts of this platform, not Supabase sign-ins."
          error={fields.idleTimeoutMinutes}
        />
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        <Button type="submit" busy={busy}>
          Save sign-in rules
        </Button>
      </form>
    </Card>
  )
}
