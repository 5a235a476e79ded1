import type { AuditLogEntry } from '@/lib/contracts/audit'

const TYPE_LABELS: Record<string, string> = {
  knowledge: 'Document',
  user: 'Member',
  invitation: 'Invitation',
  tenant: 'Tenant',
  api_key: 'API key',
}

/** An audit row's target by name ("Document · Guest policies"), its id on hover; the id itself only when there is no name. */
export function AuditTarget({ entry }: { entry: Pick<AuditLogEntry, 'targetType' | 'targetId' | 'targetName'> }) {
  if (!entry.targetType) return <span className="text-stone-600">—</span>
  const type = TYPE_LABELS[entry.targetType] ?? entry.targetType
  return (
    <span className="block max-w-[16rem]" title={entry.targetId ?? undefined}>
      <span className="text-xs text-stone-600">{type}</span>
      {entry.targetName ? (
        <span className="block break-words text-stone-900">{entry.targetName}</span>
      ) : entry.targetId ? (
        <span className="block truncate font-mono text-xs text-stone-600">{entry.targetId}</span>
      ) : null}
    </span>
  )
}
