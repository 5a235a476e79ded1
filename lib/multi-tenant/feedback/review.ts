import { FEEDBACK_DAYS, LOW_RATED_LIMIT, type FeedbackReview } from '@/lib/contracts/feedback'
import { knowledgeSourceSchema, type KnowledgeSource } from '@/lib/contracts/oracle'
import type { Element, Phase } from '@/lib/engine/elements'
import type { Acting } from '@/lib/multi-tenant/access'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { summariseRatings } from './summarise'

/*
 * The tenant admins' review of rated answers. SQL decides who may read them
 * (app_private.tenant_ratings and tenant_low_rated_answers: that tenant's admins only,
 * migration 20261205030000_feedback_review.sql); loadTenantForAdmin first gives the
 * usual 404 for a tenant the caller cannot see.
 */

type RatingRow = { feedback: 1 | -1; rated_at: Date | string; element: Element | null; phase: Phase | null; sources: unknown }
type LowRatedRow = {
  message_id: string
  question: string | null
  answer: string
  sources: unknown
  rated_at: Date | string
  element: Element | null
  phase: Phase | null
}

/** Stored sources as the contract has them; an entry of another shape is left out rather than failing the page. */
function sourcesOf(value: unknown): KnowledgeSource[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry) => {
    const parsed = knowledgeSourceSchema.safeParse(entry)
    return parsed.success ? [parsed.data] : []
  })
}

export async function reviewFeedback(caller: Acting, tenantId: string, now = new Date()): Promise<FeedbackReview> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (FEEDBACK_DAYS - 1)))
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const ratings = await tx.query<RatingRow>(
      'select feedback, rated_at, element, phase, sources from app_private.tenant_ratings($1, $2)',
      [tenantId, since.toISOString()],
    )
    const low = await tx.query<LowRatedRow>(
      'select message_id, question, answer, sources, rated_at, element, phase from app_private.tenant_low_rated_answers($1, $2)',
      [tenantId, LOW_RATED_LIMIT],
    )
    const summary = summariseRatings(
      ratings.map((row) => ({
        value: row.feedback,
        ratedAt: new Date(row.rated_at),
        element: row.element,
        phase: row.phase,
        sources: sourcesOf(row.sources),
      })),
      FEEDBACK_DAYS,
      now,
    )
    return {
      summary,
      lowRated: low.map((row) => ({
        messageId: row.message_id,
        question: row.question,
        answer: row.answer,
        sources: sourcesOf(row.sources),
        ratedAt: new Date(row.rated_at).toISOString(),
        element: row.element,
        phase: row.phase,
      })),
    }
  })
}
