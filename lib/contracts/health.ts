import { z } from 'zod'

/* Bodies of the operational routes: GET /api/health and GET /api/debug/event-loop. */

/** 200 when the database answers, 503 (the same body, with `error`) when it does not. */
export const healthResponseSchema = z.strictObject({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['reachable', 'unreachable']),
  /** Which backends the server was configured with (lib/env.ts decides). */
  mode: z.strictObject({
    database: z.enum(['pglite', 'postgres']),
    auth: z.enum(['local', 'supabase']),
    llm: z.enum(['openai', 'offline']),
    mail: z.enum(['smtp', 'outbox']),
  }),
  version: z.string(),
  error: z.string().optional(),
})
export type Health = z.infer<typeof healthResponseSchema>

/** Event-loop delay since the previous read, for bench/ingest.ts (served only with DEBUG_EVENT_LOOP=1). */
export const eventLoopDelayResponseSchema = z.strictObject({
  p50Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
  samples: z.number().int(),
  rssMb: z.number().int(),
})
export type EventLoopDelay = z.infer<typeof eventLoopDelayResponseSchema>
