'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { ELEMENTS } from '@/lib/engine/elements'
import type { Plan } from '@/lib/contracts/tenants'
import { dayToIso, planLabel, slugFrom } from './tenant-form-options'

type Form = {
  name: string
  slug: string
  domain: string
  planTier: string
  status: string
  trialEnds: string
  primary: string
  publicAccess: boolean
}

/** Creates a tenant; the API's field messages appear under the fields they concern. */
export function TenantCreateForm({ platformDomain, plans }: { platformDomain: string; plans: Plan[] }) {
  const router = useRouter()
  const [form, setForm] = useState<Form>({
    name: '',
    slug: '',
    domain: '',
    planTier: 'starter',
    status: 'active',
    trialEnds: '',
    primary: 'aether',
    publicAccess: false,
  })
  const [slugTouched, setSlugTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const fields = error instanceof ApiError ? error.fields : {}
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const body = {
        name: form.name,
        slug: form.slug,
        domain: form.domain.trim() || null,
        planTier: form.planTier,
        status: form.status,
        elementalSignature: { primary: form.primary },
        publicAccess: form.publicAccess,
        ...(form.status === 'trial' && form.trialEnds ? { trialEndsAt: dayToIso(form.trialEnds) } : {}),
      }
      const created = await apiFetch('/api/admin/tenants', tenantResponseSchema, { method: 'POST', json: body })
      router.push(`/admin/tenants/${created.tenant.id}`)
      router.refresh()
    } catch (cause) {
      setError(cause)
      setBusy(false)
    }
  }

  const known = new Set(['name', 'slug', 'domain', 'planTier', 'status', 'trialEndsAt', 'elementalSignature.primary'])
  const unplaced = Object.entries(fields).filter(([key]) => !known.has(key))
  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      {error ? (
        <Alert tone="error" title="The tenant was not created">
          {errorMessage(error)}
          {unplaced.length ? (
            <ul className="mt-1 list-disc pl-5">
              {unplaced.map(([key, message]) => (
                <li key={key}>
                  {key}: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          required
          value={form.name}
          onChange={(event) => {
            set('name', event.target.value)
            if (!slugTouched) set('slug', slugFrom(event.target.value))
          }}
          error={fields.name}
        />
        <TextField
          label="Slug"
          required
          value={form.slug}
          onChange={(event) => {
            setSlugTouched(true)
            set('slug', event.target.value)
          }}
          error={fields.slug}
          hint={`Lowercase letters, digits and hyphens. The site will be ${form.slug || '<slug>'}.${platformDomain}`}
        />
        <TextField
          label="Custom domain"
          value={form.domain}
          onChange={(event) => set('domain', event.target.value)}
          error={fields.domain}
          hint="Optional: the tenant's own host name, pointed at this server."
          placeholder="chat.example.com"
        />
        <SelectField
          label="Primary element"
          value={form.primary}
          onChange={(event) => set('primary', event.target.value)}
          error={fields['elementalSignature.primary']}
        >
          {ELEMENTS.map((element) => (
            <option key={element} value={element}>
              {element}
            </option>
          ))}
        </SelectField>
        <SelectField label="Plan" value={form.planTier} onChange={(event) => set('planTier', event.target.value)} error={fields.planTier}>
          {plans.map((plan) => (
            <option key={plan.tier} value={plan.tier}>
              {planLabel(plan)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" value={form.status} onChange={(event) => set('status', event.target.value)} error={fields.status}>
          <option value="active">active</option>
          <option value="trial">trial</option>
        </SelectField>
        {form.status === 'trial' ? (
          <TextField
            label="Trial ends"
            type="date"
            value={form.trialEnds}
            onChange={(event) => set('trialEnds', event.target.value)}
            error={fields.trialEndsAt}
            hint="Empty: 14 days from today."
          />
        ) : null}
      </div>
      <label className="flex items-start gap-3 text-sm text-stone-800">
        <input
          type="checkbox"
          checked={form.publicAccess}
          onChange={(event) => set('publicAccess', event.target.checked)}
          className="mt-0.5 size-4 accent-indigo-700"
        />
        <span>Visitors can chat without an account</span>
      </label>
      <Button type="submit" busy={busy}>
        Create tenant
      </Button>
    </form>
  )
}
