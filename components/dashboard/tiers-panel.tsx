'use client'

import { useId, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatLimit, formatMonth, formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { noContentSchema } from '@/lib/contracts/no-content'
import { tierListResponseSchema, updatedMemberResponseSchema, type MemberUse, type Tier } from '@/lib/contracts/tiers'
import { TierForm } from './tier-form'

/** The tenant's tiers, each member's tier and their use this month. */
export function TiersPanel({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/tiers`
  const { data, error, reload } = useApiQuery(url, tierListResponseSchema)
  const [editing, setEditing] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  async function remove(tier: Tier) {
    setNotice(null)
    try {
      await apiFetch(`${url}/${tier.id}`, noContentSchema, { method: 'DELETE' })
      setNotice(`${tier.name} was deleted; its members have no tier now.`)
      reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    }
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Tiers"
          description="Monthly allowances for each member of a tier. Leave a field empty for no limit; a member in no tier is bound only by the organisation's limits."
        />
        <TierForm url={url} onSaved={reload} />
        {notice ? (
          <p role="status" className="mt-3 text-sm text-stone-700">
            {notice}
          </p>
        ) : null}
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {data && data.tiers.length === 0 ? <EmptyState title="No tiers yet">Add a tier, then put members in it below.</EmptyState> : null}
        {data && data.tiers.length > 0 ? (
          <ul className="mt-4 divide-y divide-stone-200" aria-label="Tiers">
            {data.tiers.map((tier) => (
              <li key={tier.id} className="py-3">
                {editing === tier.id ? (
                  <TierForm
                    url={url}
                    tier={tier}
                    onSaved={() => {
                      setEditing(null)
                      reload()
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium break-all text-stone-900">{tier.name}</p>
                      <p className="text-sm text-stone-700">
                        {allowance(tier.messagesPerMonth, 'messages')} · {allowance(tier.tokensPerMonth, 'tokens')} a month ·{' '}
                        {tier.members === 1 ? '1 member' : `${formatNumber(tier.members)} members`}
                      </p>
                    </div>
                    <div className="flex gap-2">
                      <Button size="sm" variant="secondary" onClick={() => setEditing(tier.id)} aria-label={`Edit ${tier.name}`}>
                        Edit
                      </Button>
                      <Button size="sm" variant="danger" onClick={() => void remove(tier)} aria-label={`Delete ${tier.name}`}>
                        Delete
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      {data ? (
        <Card>
          <CardHeader
            title={`Members' use in ${formatMonth(data.period)}`}
            description="Put a member in a tier; the change applies to their next question."
          />
          <ul className="divide-y divide-stone-200" aria-label="Members and their tiers">
            {data.members.map((member) => (
              <MemberTierRow key={member.userId} tenantId={tenantId} member={member} tiers={data.tiers} onChanged={reload} />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}

/** "10 messages", or "unlimited messages". */
const allowance = (limit: number | null, unit: string) => (limit === null ? `unlimited ${unit}` : formatLimit(limit, unit))

/** "3 of 10 messages", or "3 messages" without a limit. */
const use = (used: number, limit: number | null | undefined, unit: string) =>
  limit === null || limit === undefined ? `${formatNumber(used)} ${unit}` : `${formatNumber(used)} of ${formatNumber(limit)} ${unit}`

function MemberTierRow({
  tenantId,
  member,
  tiers,
  onChanged,
}: {
  tenantId: string
  member: MemberUse
  tiers: Tier[]
  onChanged: () => void
}) {
  const selectId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const tier = tiers.find((entry) => entry.id === member.tierId)

  async function assign(tierId: string | null) {
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/admin/tenants/${tenantId}/members/${member.userId}`, updatedMemberResponseSchema, {
        method: 'PUT',
        json: { tierId },
      })
      onChanged()
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="font-medium break-all text-stone-900">{member.email}</p>
        <p className="text-sm text-stone-700">
          {use(member.messages, tier?.messagesPerMonth, 'messages')} · {use(member.tokens, tier?.tokensPerMonth, 'tokens')} this month
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <label htmlFor={selectId} className="sr-only">
        Tier of {member.email}
      </label>
      <select
        id={selectId}
        value={member.tierId ?? ''}
        disabled={busy}
        onChange={(event) => void assign(event.target.value === '' ? null : event.target.value)}
        className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">No tier</option>
        {tiers.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
    </li>
  )
}
