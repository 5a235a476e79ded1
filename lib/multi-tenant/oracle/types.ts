import type { OracleDone, OracleMeta } from '@/lib/contracts/oracle'

/** The oracle's answer as it is produced, one event at a time; each event's data is its contract. */
export type OracleEvent = ({ type: 'meta' } & OracleMeta) | { type: 'token'; text: string } | ({ type: 'done' } & OracleDone)
