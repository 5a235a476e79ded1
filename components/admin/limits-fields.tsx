import { TextField } from '@/components/ui/field'

export type LimitsDraft = { conversationsPerMonth: string; tokensPerMonth: string; storageMb: string; members: string }
export type LimitsValue = {
  conversationsPerMonth: number | null
  tokensPerMonth: number | null
  storageMb: number | null
  members: number | null
}

const LABELS: Record<keyof LimitsDraft, string> = {
  conversationsPerMonth: 'Conversations per month',
  tokensPerMonth: 'Tokens per month',
  storageMb: 'Storage (MB)',
  members: 'Members',
}

export function limitsDraftFrom(limits: LimitsValue): LimitsDraft {
  const text = (value: number | null) => (value === null ? '' : String(value))
  return {
    conversationsPerMonth: text(limits.conversationsPerMonth),
    tokensPerMonth: text(limits.tokensPerMonth),
    storageMb: text(limits.storageMb),
    members: text(limits.members),
  }
}

/** Empty means unlimited (null); anything else is sent as typed so the API can reject it with a message. */
export function limitsFromDraft(draft: LimitsDraft): Record<keyof LimitsDraft, number | null> {
  const value = (text: string) => (text.trim() === '' ? null : Number(text))
  return {
    conversationsPerMonth: value(draft.conversationsPerMonth),
    tokensPerMonth: value(draft.tokensPerMonth),
    storageMb: value(draft.storageMb),
    members: value(draft.members),
  }
}

export function LimitsFields({
  draft,
  onChange,
  fields,
}: {
  draft: LimitsDraft
  onChange: (draft: LimitsDraft) => void
  fields: Record<string, string>
}) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold text-stone-900">Limits (empty = unlimited)</legend>
      {(Object.keys(LABELS) as (keyof LimitsDraft)[]).map((key) => (
        <TextField
          key={key}
          label={LABELS[key]}
          type="number"
          inputMode="numeric"
          min={0}
          value={draft[key]}
          onChange={(event) => onChange({ ...draft, [key]: event.target.value })}
          error={fields[`limits.${key}`]}
          placeholder="Unlimited"
        />
      ))}
    </fieldset>
  )
}
