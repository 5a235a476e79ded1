'use client'

import { useState, type FormEvent } from 'react'
import { LimitsFields, limitsDraftFrom, limitsFromDraft, type LimitsDraft } from '@/components/admin/limits-fields'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SelectField, TextArea } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { RESOURCE_REQUEST_KINDS, resourceRequestResponseSchema, type ResourceRequestKind } from '@/lib/contracts/requests'
import { PLAN_TIERS, type Limits, type PlanTier } from '@/lib/contracts/tenants'
import { KIND_LABELS } from './resource-request-text'

type Props = { tenantId: string; planTier: PlanTier; limits: Limits; onFiled: () => void }

/** A tenant admin asks the platform for another plan, other limits or restricted access, saying why. */
export function ResourceRequestForm({ tenantId, planTier, limits, onFiled }: Props) {
  const otherTiers = PLAN_TIERS.filter((tier) => tier !== planTier)
  const [kind, setKind] = useState<ResourceRequestKind>('plan')
  const [tier, setTier] = useState<PlanTier>(otherTiers[0] ?? planTier)
  const [draft, setDraft] = useState<LimitsDraft>(limitsDraftFrom(limits))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState(false)
  const fields = error instanceof ApiError ? error.fields : {}

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setSent(false)
    // Only the limits that would change are asked for.
    const wanted = Object.fromEntries(
      Object.entries(limitsFromDraft(draft)).filter(([key, value]) => value !== limits[key as keyof Limits]),
    )
    const json = { kind, reason, ...(kind === 'plan' ? { planTier: tier } : {}), ...(kind === 'limits' ? { limits: wanted } : {}) }
    try {
      await apiFetch(`/api/admin/tenants/${tenantId}/resource-requests`, resourceRequestResponseSchema, { method: 'POST', json })
      setSent(true)
      setReason('')
      onFiled()
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <SelectField
        label="What you need"
        value={kind}
        onChange={(event) => setKind(event.target.value as ResourceRequestKind)}
        error={fields.kind}
      >
        {RESOURCE_REQUEST_KINDS.map((option) => (
          <option key={option} value={option}>
            {KIND_LABELS[option]}
          </option>
        ))}
      </SelectField>
      {kind === 'plan' ? (
        <SelectField
          label="Plan"
          value={tier}
          onChange={(event) => setTier(event.target.value as PlanTier)}
          hint={`You are on ${planTier}. A new plan brings its own default limits.`}
          error={fields.planTier}
        >
          {otherTiers.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'limits' ? (
        <>
          <LimitsFields draft={draft} onChange={setDraft} fields={fields} />
          {fields.limits ? <p className="text-sm text-red-700">{fields.limits}</p> : null}
        </>
      ) : null}
      {kind === 'restricted_access' ? (
        <p className="text-sm text-stone-700">
          Once granted, the tenant becomes restricted: nobody joins without an approved request or an invitation, and you can choose the
          level again on the Access page.
        </p>
      ) : null}
      <TextArea
        label="Why the tenant needs it"
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={fields.reason}
      />
      {error && !fields.reason && !fields.limits && !fields.planTier ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {sent ? <Alert tone="success">Sent. The platform’s admins decide; you get a mail and the outcome shows below.</Alert> : null}
      <Button type="submit" busy={busy}>
        Send request
      </Button>
    </form>
  )
}
