import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { withService, withUser, type Database } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPgliteThread } from '@/lib/db/pglite-thread/driver'

// The embedded database as the server opens it: PGlite in its own thread, from the migrated snapshot.
let db: Database

beforeAll(async () => {
  const snapshotFile = inject('pgliteSnapshot')
  db = await openPgliteThread(undefined, { snapshot: snapshotFile ? new Blob([await readFile(snapshotFile)]) : undefined })
  await migrate(db)
})
afterAll(async () => {
  await db.close()
})

describe('embedded PGlite in its own thread', () => {
  it('runs withUser as the authenticated role, and a failed transaction leaves neither rows nor role behind', async () => {
    const sub = '00000000-0000-4000-8000-000000000001'
    const [inside] = await withUser(db, { sub }, (tx) =>
      tx.query<{ who: string; uid: string }>('select current_user as who, auth.uid()::text as uid'),
    )
    expect(inside).toEqual({ who: 'authenticated', uid: sub })
    await expect(
      withService(db, async (tx) => {
        await tx.query("insert into public.tenants (slug, name) values ('thread-rollback', 'Rolled back')")
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const after = await withService(db, (tx) =>
      tx.query<{ who: string; tenants: number }>(
        "select current_user as who, (select count(*)::int from public.tenants where slug = 'thread-rollback') as tenants",
      ),
    )
    expect(after[0]?.who).not.toBe('authenticated')
    expect(after[0]?.tenants).toBe(0)
  })

  it("hands back a database error's code and constraint, which callers map to answers", async () => {
    await withService(db, (tx) => tx.query("insert into public.tenants (slug, name) values ('thread-unique', 'One')"))
    const error = await withService(db, (tx) => tx.query("insert into public.tenants (slug, name) values ('thread-unique', 'Two')")).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: '23505', constraint: expect.stringContaining('slug') })
  })

  it('carries bytes, dates, JSON and arrays across the thread unchanged', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255])
    const [row] = await withService(db, (tx) =>
      tx.query<{ bytes: Uint8Array; at: Date; value: unknown; tags: string[] }>(
        "select $1::bytea as bytes, timestamptz '2026-01-02T03:04:05Z' as at, $2::jsonb as value, $3::text[] as tags",
        [bytes, JSON.stringify({ a: [1, 'b'] }), ['x', 'y']],
      ),
    )
    expect([...(row?.bytes ?? [])]).toEqual([...bytes])
    expect(row?.at).toEqual(new Date('2026-01-02T03:04:05Z'))
    expect(row?.value).toEqual({ a: [1, 'b'] })
    expect(row?.tags).toEqual(['x', 'y'])
  })

  it("keeps the server's event loop running while a statement runs: a timer fires before the statement ends", async () => {
    const events: string[] = []
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        events.push('timer')
        resolve()
      }, 20),
    )
    await withService(db, (tx) => tx.query('select pg_sleep(1)')).then(() => events.push('statement'))
    await timer
    expect(events).toEqual(['timer', 'statement'])
  })

  // Two opens of a database on disk: slow on a loaded machine, hence the longer timeout.
  it('keeps what it wrote in its data directory across a close and a reopen', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-thread-'))
    const first = await openPgliteThread(path.join(dir, 'data'), { snapshot: await db.snapshot?.() })
    try {
      await withService(first, (tx) => tx.exec('create table kept (n int); insert into kept values (7)'))
    } finally {
      await first.close()
    }
    const reopened = await openPgliteThread(path.join(dir, 'data'))
    try {
      expect(await withService(reopened, (tx) => tx.query('select n from kept'))).toEqual([{ n: 7 }])
    } finally {
      await reopened.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
