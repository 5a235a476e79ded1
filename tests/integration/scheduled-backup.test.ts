import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/lib/db'
import { parseEnv } from '@/lib/env'
import { createPglite } from '@/lib/db/pglite-driver'
import { openPgliteThread } from '@/lib/db/pglite-thread/driver'
import { backupFileName, takeScheduledBackup } from '@/lib/db/scheduled-backup'

/*
 * The running app's own backups: PGlite in its thread, as the server opens it, copied
 * while it serves; the newest BACKUP_KEEP files stay.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'oracle-scheduled-'))
let db: Database

beforeAll(async () => {
  db = await openPgliteThread()
  await db.transaction((tx) => tx.exec('create table notes (id int primary key, body text not null)'))
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function notesIn(file: string): Promise<{ id: number; body: string }[]> {
  const pg = await createPglite(undefined, new Blob([await readFile(file)]))
  try {
    return (await pg.query<{ id: number; body: string }>('select id, body from notes order by id')).rows
  } finally {
    await pg.close()
  }
}

describe('scheduled backups of the embedded database', () => {
  it('copy only committed work: a backup taken during a transaction waits for it and holds its rows', async () => {
    let commit = () => {}
    const gate = new Promise<void>((resolve) => {
      commit = resolve
    })
    const writing = db.transaction(async (tx) => {
      await tx.query("insert into notes values (1, 'written while the backup was asked for')")
      await gate
    })
    const backup = takeScheduledBackup(db, dir, 10, new Date('2026-12-03T01:00:00Z'))
    let finished = false
    void backup.then(() => {
      finished = true
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(finished).toBe(false)
    commit()
    await writing
    const { file } = await backup
    expect(path.basename(file)).toBe('oracle-20261203T010000Z.tar.gz')
    expect(await notesIn(file)).toEqual([{ id: 1, body: 'written while the backup was asked for' }])
  })

  it('keeps the newest BACKUP_KEEP backups and leaves files that are not its own', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'mine')
    const days = ['2026-12-04', '2026-12-05', '2026-12-06']
    let deleted: string[] = []
    for (const day of days) deleted = (await takeScheduledBackup(db, dir, 2, new Date(`${day}T01:00:00Z`))).deleted
    expect(deleted.map((file) => path.basename(file))).toEqual(['oracle-20261204T010000Z.tar.gz'])
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'oracle-20261205T010000Z.tar.gz', 'oracle-20261206T010000Z.tar.gz'])
    expect(backupFileName(new Date('2026-12-06T01:00:00.123Z'))).toBe('oracle-20261206T010000Z.tar.gz')
  })

  it('is configured for the embedded database only, with an interval a timer can hold', () => {
    expect(parseEnv({ BACKUP_DIR: dir })).toMatchObject({ BACKUP_DIR: dir, BACKUP_INTERVAL_HOURS: 24, BACKUP_KEEP: 7 })
    expect(() => parseEnv({ BACKUP_DIR: dir, DATABASE_URL: 'postgres://u:p@127.0.0.1/db' })).toThrowError(/pg_dump/)
    expect(() => parseEnv({ BACKUP_DIR: dir, BACKUP_INTERVAL_HOURS: '1000' })).toThrowError(/BACKUP_INTERVAL_HOURS/)
    expect(() => parseEnv({ BACKUP_DIR: dir, BACKUP_KEEP: '0' })).toThrowError(/BACKUP_KEEP/)
  })
})
