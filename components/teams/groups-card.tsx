'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { SelectField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { useApiQuery } from '@/lib/client/use-api-query'
import { AddByNameForm } from './add-by-name-form'
import { groupListSchema, groupSchema, type Group } from '@/lib/contracts/groups'
import { memberListResponseSchema } from '@/lib/contracts/members'
import { noContentSchema } from '@/lib/contracts/no-content'

/** Teams of the tenant's members: documents, advisors and shares can name them. */
export function GroupsCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/groups`
  const groups = useApiQuery(url, groupListSchema)
  const members = useApiQuery(`/api/admin/tenants/${tenantId}/members`, memberListResponseSchema)
  const [notice, setNotice] = useState<string | null>(null)
  const emailOf = (userId: string) => members.data?.members.find((member) => member.userId === userId)?.email ?? userId

  async function run(work: () => Promise<string>) {
    setNotice(null)
    try {
      setNotice(await work())
      groups.reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    }
  }

  async function add(name: string) {
    const added = await apiFetch(url, groupSchema, { method: 'POST', json: { name } })
    setNotice(`${added.name} is ready; add its members below.`)
    groups.reload()
  }

  const join = (group: Group, userId: string) =>
    run(async () => {
      await apiFetch(`${url}/${group.id}/members`, groupSchema, { method: 'POST', json: { userId } })
      return `${emailOf(userId)} is in ${group.name}.`
    })
  const leave = (group: Group, userId: string) =>
    run(async () => {
      await apiFetch(`${url}/${group.id}/members`, groupSchema, { method: 'DELETE', json: { userId } })
      return `${emailOf(userId)} is no longer in ${group.name}.`
    })
  const remove = (group: Group) =>
    run(async () => {
      await apiFetch(`${url}/${group.id}`, noContentSchema, { method: 'DELETE' })
      return `${group.name} is removed; what was shared with it is not any more.`
    })

  return (
    <Card>
      <CardHeader title="Groups" description="Give documents and advisors to a group, and its members read and use them." />
      <AddByNameForm label="New group" placeholder="Support team" submitLabel="Add group" onAdd={add} />
      {notice ? (
        <p role="status" className="mt-2 text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      {groups.error ? <Alert tone="error">{groups.error.message}</Alert> : null}
      {groups.data && groups.data.groups.length === 0 ? <EmptyState title="No groups yet">Add the first team.</EmptyState> : null}
      <ul className="mt-4 space-y-4" aria-label="Groups">
        {(groups.data?.groups ?? []).map((group) => (
          <li key={group.id} className="rounded-xl border border-stone-200 p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold break-words text-stone-900">{group.name}</h3>
              <Button size="sm" variant="secondary" onClick={() => void remove(group)} aria-label={`Remove group ${group.name}`}>
                Remove group
              </Button>
            </div>
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Members of ${group.name}`}>
              {group.memberIds.map((userId) => (
                <li key={userId} className="flex items-center gap-1 rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-800">
                  <span className="break-all">{emailOf(userId)}</span>
                  <button
                    type="button"
                    className="ml-1 text-stone-600 underline"
                    onClick={() => void leave(group, userId)}
                    aria-label={`Remove ${emailOf(userId)} from ${group.name}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            <SelectField
              label={`Add a member to ${group.name}`}
              value=""
              onChange={(event) => event.target.value && void join(group, event.target.value)}
              wrapperClassName="mt-2 max-w-sm"
            >
              <option value="">Choose a member…</option>
              {(members.data?.members ?? [])
                .filter((member) => !group.memberIds.includes(member.userId))
                .map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.email}
                  </option>
                ))}
            </SelectField>
          </li>
        ))}
      </ul>
    </Card>
  )
}
