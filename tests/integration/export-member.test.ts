import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as ask } from '@/app/api/tenant/[slug]/oracle/route'
import { POST as rate } from '@/app/api/tenant/[slug]/messages/[id]/feedback/route'
import { GET as exportMine } from '@/app/api/auth/account/export/route'
import { POST as addMyDocument } from '@/app/api/tenant/[slug]/my/documents/route'
import { archiveHeadersSchema } from '@/lib/contracts/exports'
import { setDatabaseForTests } from '@/lib/db'
import { apiRequest, withoutParams } from '../support/auth'
import { openArchive } from '../support/archive'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

let db: TestDatabase

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const exportRoute = withoutParams(exportMine)

async function question(slug: string, person: Member, input: string) {
  const response = await ask(oracleRequest(slug, { input }, { cookie: person.cookie }), slugParams({ slug }))
  expect(response.status).toBe(200)
  return (await response.json()) as { conversationId: string; messageId: string }
}

describe('a member’s export of their own data', () => {
  it('is a zip of their profile, memberships, sessions, conversations with messages, feedback and use, and nobody else’s', async () => {
    const tenant = await createLimitedTenant(db, { slug: 'export-mine' }, {})
    const me = await signedInMember(db, tenant.id, 'me@export.test')
    const neighbour = await signedInMember(db, tenant.id, 'neighbour@export.test')
    const mine = await question(tenant.slug, me, 'My own question about phases')
    await question(tenant.slug, neighbour, 'A neighbour’s private question')
    const rated = await rate(
      apiRequest(`/api/tenant/${tenant.slug}/messages/${mine.messageId}/feedback`, {
        method: 'POST',
        body: { value: -1 },
        cookie: me.cookie,
      }),
      slugParams({ slug: tenant.slug, id: mine.messageId }),
    )
    expect(rated.status).toBe(200)
    const myDocument = (slug: string, person: Member, title: string) =>
      addMyDocument(
        apiRequest(`/api/tenant/${slug}/my/documents`, {
          method: 'POST',
          body: { title, content: `${title}: seeds go in the top drawer.` },
          cookie: person.cookie,
        }),
        slugParams({ slug }),
      )
    expect((await myDocument(tenant.slug, me, 'My greenhouse notes')).status).toBe(201)
    expect((await myDocument(tenant.slug, neighbour, 'A neighbour’s notes')).status).toBe(201)

    const response = await exportRoute(apiRequest('/api/auth/account/export', { cookie: me.cookie }))
    expect(response.status).toBe(200)
    expect(
      archiveHeadersSchema.safeParse(Object.fromEntries([...response.headers].filter(([key]) => key in archiveHeadersSchema.shape)))
        .success,
    ).toBe(true)
    const archive = await openArchive(response)
    expect(archive.names).toEqual([
      'conversations.ndjson',
      'documents.ndjson',
      'feedback.ndjson',
      'memberships.ndjson',
      'profile.json',
      'sessions.ndjson',
      'usage.ndjson',
    ])

    const profile = JSON.parse(archive.text('profile.json')) as { id: string; email: string; files: Record<string, number> }
    expect(profile).toMatchObject({ id: me.userId, email: me.email })
    for (const [file, count] of Object.entries(profile.files)) expect(archive.rows(file)).toHaveLength(count)
    expect(archive.rows('memberships.ndjson')).toEqual([expect.objectContaining({ tenantId: tenant.id, slug: tenant.slug, role: 'user' })])
    expect(archive.rows('sessions.ndjson').length).toBeGreaterThanOrEqual(1)
    const [thread, ...others] = archive.rows('conversations.ndjson') as { id: string; messages: { content: string; role: string }[] }[]
    expect(others).toEqual([])
    expect(thread?.id).toBe(mine.conversationId)
    expect(thread?.messages.find((message) => message.role === 'user')?.content).toBe('My own question about phases')
    expect(archive.rows('feedback.ndjson')).toEqual([expect.objectContaining({ messageId: mine.messageId, feedback: -1 })])
    expect(archive.rows('documents.ndjson')).toEqual([
      expect.objectContaining({ title: 'My greenhouse notes', content: 'My greenhouse notes: seeds go in the top drawer.' }),
    ])
    expect(archive.rows('usage.ndjson')).toEqual([expect.objectContaining({ tenant_id: tenant.id, messages: 1 })])

    const everything = archive.names.map((name) => archive.text(name)).join('\n')
    expect(everything).not.toContain('neighbour')
    expect(everything).not.toContain(neighbour.userId)
  })

  it('is 401 without a session', async () => {
    const response = await exportRoute(apiRequest('/api/auth/account/export'))
    expect(response.status).toBe(401)
  })
})
