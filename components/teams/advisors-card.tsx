'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { TextArea, TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { useApiQuery } from '@/lib/client/use-api-query'
import { advisorListSchema, advisorSchema } from '@/lib/contracts/advisors'
import { collectionListSchema } from '@/lib/contracts/collections'
import { groupListSchema } from '@/lib/contracts/groups'
import { noContentSchema } from '@/lib/contracts/no-content'

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

/** The tenant's advisors: each answers from some collections, in its own voice, for the members it names. */
export function AdvisorsCard({ tenantId, slug }: { tenantId: string; slug: string }) {
  const url = `/api/tenant/${encodeURIComponent(slug)}/advisors`
  const advisors = useApiQuery(url, advisorListSchema)
  const collections = useApiQuery(`/api/admin/tenants/${tenantId}/collections`, collectionListSchema)
  const groups = useApiQuery(`/api/admin/tenants/${tenantId}/groups`, groupListSchema)
  const [name, setName] = useState('')
  const [color, setColor] = useState('#4f46e5')
  const [responseStyle, setResponseStyle] = useState('')
  const [questions, setQuestions] = useState('')
  const [collectionIds, setCollectionIds] = useState<string[]>([])
  const [groupIds, setGroupIds] = useState<string[]>([])
  const [everyone, setEveryone] = useState(true)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((item) => item !== id) : [...list, id])
  const collectionName = (id: string) => collections.data?.collections.find((item) => item.id === id)?.name ?? id

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setNotice(null)
    try {
      const added = await apiFetch(url, advisorSchema, {
        method: 'POST',
        json: {
          name,
          color,
          personality: responseStyle.trim() ? { responseStyle: responseStyle.trim() } : {},
          collectionIds,
          starterQuestions: lines(questions),
          visibility: everyone ? { all: true } : { groupIds },
          personal: false,
        },
      })
      setName('')
      setQuestions('')
      setResponseStyle('')
      setNotice(`${added.name} is ready in the chat.`)
      advisors.reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  async function remove(id: string, label: string) {
    setNotice(null)
    try {
      await apiFetch(`${url}/${id}`, noContentSchema, { method: 'DELETE' })
      setNotice(`${label} is removed; its conversations stay.`)
      advisors.reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    }
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Add an advisor"
          description="An advisor answers from the collections you choose, in the tenant’s voice with its own touches."
        />
        <form onSubmit={(event) => void add(event)} className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
            <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required />
            <TextField label="Colour" type="color" value={color} onChange={(event) => setColor(event.target.value)} />
          </div>
          <TextField
            label="Response style (optional)"
            placeholder="precise and formal"
            value={responseStyle}
            onChange={(event) => setResponseStyle(event.target.value)}
            maxLength={500}
          />
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">Collections it answers from</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {(collections.data?.collections ?? []).map((collection) => (
                <label key={collection.id} className="flex items-center gap-2 text-sm text-stone-800">
                  <input
                    type="checkbox"
                    checked={collectionIds.includes(collection.id)}
                    onChange={() => setCollectionIds((list) => toggle(list, collection.id))}
                  />
                  {collection.name}
                </label>
              ))}
            </div>
          </fieldset>
          <TextArea
            label="Starter questions (one a line, up to six)"
            value={questions}
            onChange={(event) => setQuestions(event.target.value)}
            rows={3}
          />
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">Who may use it</legend>
            <label className="mt-1 flex items-center gap-2 text-sm text-stone-800">
              <input type="checkbox" checked={everyone} onChange={(event) => setEveryone(event.target.checked)} />
              Every member
            </label>
            {!everyone ? (
              <div className="mt-1 flex flex-wrap gap-3">
                {(groups.data?.groups ?? []).map((group) => (
                  <label key={group.id} className="flex items-center gap-2 text-sm text-stone-800">
                    <input
                      type="checkbox"
                      checked={groupIds.includes(group.id)}
                      onChange={() => setGroupIds((list) => toggle(list, group.id))}
                    />
                    {group.name}
                  </label>
                ))}
              </div>
            ) : null}
          </fieldset>
          <Button type="submit" busy={busy}>
            Add advisor
          </Button>
        </form>
      </Card>
      {notice ? (
        <p role="status" className="text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      <Card>
        <CardHeader title="Advisors" />
        {advisors.error ? <Alert tone="error">{advisors.error.message}</Alert> : null}
        {advisors.data && advisors.data.advisors.length === 0 ? (
          <EmptyState title="No advisors yet">Members talk to the tenant’s assistant over all its knowledge until you add one.</EmptyState>
        ) : null}
        <ul className="divide-y divide-stone-200" aria-label="Advisors">
          {(advisors.data?.advisors ?? []).map((advisor) => (
            <li key={advisor.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="flex min-w-0 items-center gap-2">
                <span
                  aria-hidden
                  className="h-4 w-4 shrink-0 rounded-full border border-stone-300"
                  style={{ backgroundColor: advisor.color ?? undefined }}
                />
                <div className="min-w-0">
                  <p className="font-medium break-words text-stone-900">{advisor.name}</p>
                  <p className="text-xs break-words text-stone-600">
                    {advisor.personal ? 'Personal' : advisor.collectionIds.map(collectionName).join(', ') || 'No collections'}
                  </p>
                </div>
              </div>
              <div className="flex items-center gap-2">
                {advisor.visibility.all ? <Badge tone="green">Every member</Badge> : null}
                {advisor.mayEdit ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => void remove(advisor.id, advisor.name)}
                    aria-label={`Remove ${advisor.name}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
