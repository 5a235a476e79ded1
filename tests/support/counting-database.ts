import type { Database, Queryable } from '@/lib/db'

export type Trips = { transactions: number; statements: number }

/** Counts transactions and the statements inside them (a statement is one query or exec call). */
export function countingDatabase(db: Database): Database & { trips: Trips } {
  const trips: Trips = { transactions: 0, statements: 0 }
  const counted = (tx: Queryable): Queryable => ({
    query(sql, params) {
      trips.statements += 1
      return tx.query(sql, params)
    },
    exec(sql) {
      trips.statements += 1
      return tx.exec(sql)
    },
  })
  return {
    kind: db.kind,
    trips,
    transaction(fn) {
      trips.transactions += 1
      return db.transaction((tx) => fn(counted(tx)))
    },
    close: () => db.close(),
  }
}
