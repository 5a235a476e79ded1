import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
let t = Date.now()
const db = await openPglite(); await migrate(db)
console.log('fresh+migrate', Date.now() - t)
const snap = await db.snapshot!(); await db.close()
t = Date.now()
const db2 = await openPglite(undefined, { snapshot: snap }); await migrate(db2)
console.log('from snapshot', Date.now() - t)
