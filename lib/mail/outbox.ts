import type { Queryable } from '@/lib/db'

export type OutboxMail = { id: string; to: string; subject: string; text: string; createdAt: string }

/** Runs work in a transaction as the reader (a request's caller: its `run`). */
type AsReader = { run: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T> }

/** The newest mails of the local outbox; RLS shows them to platform admins only. */
export async function listOutbox(reader: AsReader, limit = 50): Promise<OutboxMail[]> {
  const rows = await reader.run((tx) =>
    tx.query<{ id: string; to_address: string; subject: string; text_body: string; created_at: Date | string }>(
      'select id, to_address, subject, text_body, created_at from public.mail_outbox order by created_at desc, id limit $1',
      [limit],
    ),
  )
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    createdAt: new Date(row.created_at).toISOString(),
  }))
}
