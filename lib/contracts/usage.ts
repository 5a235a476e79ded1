import { z } from 'zod'
import { elementSchema } from '@/lib/engine/elements'
import { limitsSchema } from './tenants'

/* The answer of GET /api/admin/tenants/[id]/usage, read by the dashboard and the console. */

const count = z.number().int().min(0)

export const periodUsageSchema = z.strictObject({
  /** First day of the month, UTC (YYYY-MM-01). */
  period: z.string(),
  conversations: count,
  messages: count,
  tokens: count,
  storageBytes: count,
})
export type PeriodUsage = z.infer<typeof periodUsageSchema>

export const dailyUsageSchema = z.strictObject({
  day: z.string(),
  conversations: count,
  messages: count,
  tokens: count,
  /** Answers read as each element that day; an element without answers is left out. */
  elementCounts: z.partialRecord(elementSchema, count),
})
export type DailyUsage = z.infer<typeof dailyUsageSchema>

/** Share of a limit used, in percent; null when the limit is unlimited. */
const percent = z.number().min(0).nullable()

export const usageReportResponseSchema = z.strictObject({
  current: periodUsageSchema.extend({
    /** Tokens set aside for answers being written right now. */
    tokensReserved: count,
    limits: limitsSchema,
    percentUsed: z.strictObject({ conversations: percent, tokens: percent, storage: percent }),
  }),
  /** Earlier months, newest first (up to a year). */
  periods: z.array(periodUsageSchema),
  /** The last 30 days, oldest first, days without activity included as zeros. */
  daily: z.array(dailyUsageSchema),
})
export type UsageReport = z.infer<typeof usageReportResponseSchema>
