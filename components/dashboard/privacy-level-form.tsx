'use client'

import Link from 'next/link'
import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { PRIVACY_LEVELS, tenantResponseSchema, type PrivacyLevel } from '@/lib/contracts/tenants'

const LEVELS: Record<PrivacyLevel, { title: string; text: string }> = {
  public: {
    title: 'Public',
    text: 'Visitors may ask without an account. Nothing of theirs is kept, and a stricter rate limit applies; their questions count toward your limits.',
  },
  members: {
    title: 'Members',
    text: 'Only members use the assistant. People join by your invitation, or by asking for access and being approved here.',
  },
  restricted: {
    title: 'Restricted',
    text: 'As members, and nobody gets in any other way. You may also require two-factor sign-in (Personality page, Sign-in security). Granted by the platform.',
  },
}

type Props = {
  tenantId: string
  initial: PrivacyLevel
  /** The platform granted restricted access (or the caller is a platform admin): restricted can be chosen. */
  restrictedAllowed: boolean
  /** Where a tenant admin asks the platform for restricted access. */
  requestsHref: string
}

/** Who may use the assistant: the tenant's privacy level. */
export function PrivacyLevelForm({ tenantId, initial, restrictedAllowed, requestsHref }: Props) {
  const [saved, setSaved] = useState(initial)
  const [level, setLevel] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const canRestrict = restrictedAllowed || saved === 'restricted'

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const { tenant } = await apiFetch(`/api/admin/tenants/${tenantId}`, tenantResponseSchema, {
        method: 'PUT',
        json: { privacyLevel: level },
      })
      setSaved(tenant.privacyLevel)
      setLevel(tenant.privacyLevel)
      setOutcome({
        tone: 'success',
        text: `Saved: the assistant is ${LEVELS[tenant.privacyLevel].title.toLowerCase()} from the next request on.`,
      })
    } catch (cause) {
      setOutcome({ tone: 'error', text: errorMessage(cause) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card>
      <CardHeader title="Privacy level" description="Who may use the assistant." />
      <form method="post" onSubmit={submit} className="space-y-4" noValidate>
        <fieldset className="space-y-2">
          <legend className="sr-only">Privacy level</legend>
          {PRIVACY_LEVELS.map((option) => {
            const disabled = option === 'restricted' && !canRestrict
            return (
              <label
                key={option}
                className={`flex items-start gap-3 rounded-lg border p-3 text-sm ${level === option ? 'border-indigo-600 bg-indigo-50' : 'border-stone-200'} ${disabled ? 'opacity-75' : ''}`}
              >
                <input
                  type="radio"
                  name="privacyLevel"
                  value={option}
                  checked={level === option}
                  disabled={disabled}
                  onChange={() => setLevel(option)}
                  className="mt-0.5 size-4 accent-indigo-700"
                />
                <span>
                  <span className="font-medium text-stone-900">{LEVELS[option].title}</span>
                  <span className="block text-stone-700">{LEVELS[option].text}</span>
                  {disabled ? (
                    <span className="mt-1 block text-stone-700">
                      Not granted yet:{' '}
                      <Link href={requestsHref} className="font-medium text-indigo-800 underline underline-offset-2">
                        ask the platform for restricted access
                      </Link>
                      .
                    </span>
                  ) : null}
                </span>
              </label>
            )
          })}
        </fieldset>
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        <Button type="submit" busy={busy} disabled={level === saved}>
          Save privacy level
        </Button>
      </form>
    </Card>
  )
}
