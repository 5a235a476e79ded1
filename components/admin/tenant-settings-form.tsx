'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import type { Plan, Tenant } from '@/lib/contracts/tenants'
import { apiFetch } from '@/lib/client/api'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { LimitsFields, limitsDraftFrom, limitsFromDraft } from './limits-fields'
import { STATUS_OPTIONS, dayToIso, isoToDay, planHint, planLabel } from './tenant-form-options'

function formFrom(tenant: Tenant) {
  return {
    name: tenant.name,
    slug: tenant.slug,
    domain: tenant.domain ?? '',
    planTier: tenant.planTier as string,
    status: tenant.status as string,
    trialEnds: isoToDay(tenant.trialEndsAt),
    limits: limitsDraftFrom(tenant.limits),
  }
}

/**
 * The platform admin's controls: name, routing, plan, limits and lifecycle. Only changed
 * fields are sent, so a plan change (which resets limits to the plan's defaults) is not
 * undone by sending the old limits back with it.
 */
export function TenantSettingsForm({ tenant, plans, onSaved }: { tenant: Tenant; plans: Plan[]; onSaved: () => void }) {
  const router = useRouter()
  const [initial, setInitial] = useState(() => formFrom(tenant))
  const [form, setForm] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const fields = error instanceof ApiError ? error.fields : {}
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((current) => ({ ...current, [key]: value }))

  function changes(): Record<string, unknown> {
    const body: Record<string, unknown> = {}
    if (form.name !== initial.name) body.name = form.name
    if (form.slug !== initial.slug) body.slug = form.slug
    if (form.domain !== initial.domain) body.domain = form.domain.trim() || null
    if (form.planTier !== initial.planTier) body.planTier = form.planTier
    if (form.status !== initial.status) body.status = form.status
    if (form.trialEnds !== initial.trialEnds) body.trialEndsAt = dayToIso(form.trialEnds)
    if (JSON.stringify(form.limits) !== JSON.stringify(initial.limits)) body.limits = limitsFromDraft(form.limits)
    return body
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const body = changes()
    if (Object.keys(body).length === 0) return
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const result = await apiFetch(`/api/admin/tenants/${tenant.id}`, tenantResponseSchema, { method: 'PUT', json: body })
      const next = formFrom(result.tenant)
      setInitial(next)
      setForm(next)
      setSaved(true)
      onSaved()
      router.refresh()
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" value={form.name} onChange={(event) => set('name', event.target.value)} error={fields.name} />
        <TextField
          label="Slug"
          value={form.slug}
          onChange={(event) => set('slug', event.target.value)}
          error={fields.slug}
          hint="Changing it moves the tenant's site address."
        />
        <TextField
          label="Custom domain"
          value={form.domain}
          onChange={(event) => set('domain', event.target.value)}
          error={fields.domain}
          placeholder="none"
        />
        <SelectField
          label="Plan"
          value={form.planTier}
          onChange={(event) => set('planTier', event.target.value)}
          error={fields.planTier}
          hint={planHint(form.planTier !== initial.planTier, JSON.stringify(form.limits) !== JSON.stringify(initial.limits), form.planTier)}
        >
          {plans.map((plan) => (
            <option key={plan.tier} value={plan.tier}>
              {planLabel(plan)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          value={form.status}
          onChange={(event) => set('status', event.target.value)}
          error={fields.status}
          hint="Suspended and cancelled tenants answer no questions."
        >
          {STATUS_OPTIONS.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </SelectField>
        {form.status === 'trial' ? (
          <TextField
            label="Trial ends"
            type="date"
            value={form.trialEnds}
            onChange={(event) => set('trialEnds', event.target.value)}
            error={fields.trialEndsAt}
          />
        ) : null}
      </div>
      <LimitsFields draft={form.limits} onChange={(limits) => set('limits', limits)} fields={fields} />
      <Button type="submit" busy={busy} disabled={Object.keys(changes()).length === 0}>
        Save changes
      </Button>
    </form>
  )
}
