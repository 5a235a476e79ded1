import type { Readable } from 'node:stream'
import { authMode, type Session } from '@/lib/auth'
import { getDatabase, withUser, type Queryable } from '@/lib/db'
import { exportableRows } from './table-rows'
import { ndjson, zipStream, type ZipEntry } from './zip'

/*
 * A member's own copy of their data (GDPR articles 15 and 20), read under their own claims
 * so RLS shows exactly what is theirs. Each section is one file; a new kind of personal
 * data (personal documents, say) is one more entry in MEMBER_SECTIONS.
 */

type Section = { file: string; rows: (tx: Queryable, session: Session) => Promise<unknown[]> }

const mine = 't.user_id = $1'

async function conversations(tx: Queryable, session: Session): Promise<unknown[]> {
  const threads = await exportableRows(tx, 'tenant_conversations', mine, [session.userId], 't.created_at, t.id')
  const messages = await exportableRows(tx, 'tenant_messages', mine, [session.userId], 't.created_at, t.id')
  return threads.map((thread) => ({ ...thread, messages: messages.filter((message) => message.conversation_id === thread.id) }))
}

export const MEMBER_SECTIONS: Section[] = [
  {
    file: 'memberships.ndjson',
    rows: (tx, session) =>
      tx.query(
        `select tu.tenant_id as "tenantId", t.name as "tenantName", t.slug, tu.role, tu.created_at as "joinedAt"
           from public.tenant_users tu join public.tenants t on t.id = tu.tenant_id where tu.user_id = $1 order by tu.created_at`,
        [session.userId],
      ),
  },
  {
    file: 'sessions.ndjson',
    // Supabase Auth keeps its own sessions; local accounts' are rows the member reads.
    rows: (tx, session) =>
      authMode() === 'local'
        ? tx.query(
            `select id, user_agent as "userAgent", ip, host as site, created_at as "createdAt", last_seen_at as "lastSeenAt", expires_at as "expiresAt"
               from auth.local_sessions where user_id = $1 order by created_at`,
            [session.userId],
          )
        : Promise.resolve([]),
  },
  { file: 'conversations.ndjson', rows: conversations },
  {
    file: 'feedback.ndjson',
    rows: (tx, session) =>
      tx.query(
        `select m.id as "messageId", m.conversation_id as "conversationId", m.tenant_id as "tenantId", m.feedback, m.rated_at as "ratedAt"
           from public.tenant_messages m where m.user_id = $1 and m.feedback is not null order by m.rated_at`,
        [session.userId],
      ),
  },
  // Their personal documents, with the text; chunks are derived from it and stay out.
  {
    file: 'documents.ndjson',
    rows: (tx, session) => exportableRows(tx, 'tenant_knowledge', 't.owner_id = $1', [session.userId], 't.created_at, t.id'),
  },
  {
    file: 'usage.ndjson',
    rows: (tx, session) => exportableRows(tx, 'tenant_member_usage', mine, [session.userId], 't.period, t.tenant_id'),
  },
]

export async function memberExport(session: Session): Promise<{ fileName: string; body: Readable }> {
  const entries = await withUser(await getDatabase(), session.claims, async (tx) => {
    const files: ZipEntry[] = []
    const counts: Record<string, number> = {}
    for (const section of MEMBER_SECTIONS) {
      const rows = await section.rows(tx, session)
      counts[section.file] = rows.length
      files.push({ name: section.file, data: ndjson(rows) })
    }
    const profile = { id: session.userId, email: session.email, exportedAt: new Date().toISOString(), files: counts }
    return [{ name: 'profile.json', data: JSON.stringify(profile, null, 2) }, ...files]
  })
  return { fileName: 'my-data.zip', body: zipStream(entries) }
}
