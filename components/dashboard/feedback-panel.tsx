'use client'

import Link from 'next/link'
import { BarChart } from '@/components/charts/bar-chart'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { formatDay, formatNumber, capitalise } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { feedbackReviewResponseSchema } from '@/lib/contracts/feedback'
import { FeedbackBreakdown } from './feedback-breakdown'
import { LowRatedAnswers } from './low-rated-answers'

// The chart shows the last month; the totals and breakdowns cover the whole window.
const CHART_DAYS = 30
const PHASE_NAMES: Record<number, string> = { 1: 'beginning', 2: 'deepening', 3: 'integrating' }

/** How the assistant is doing, from the answers members rated: totals, over time, by reading and by document, and the answers rated down. */
export function FeedbackPanel({ tenantId, dashboardHref }: { tenantId: string; dashboardHref: string }) {
  const review = useApiQuery(`/api/admin/tenants/${tenantId}/feedback`, feedbackReviewResponseSchema)
  if (review.error) return <Alert tone="error">{review.error.message}</Alert>
  if (!review.data) return <p className="text-stone-600">Loading feedback…</p>
  const { summary, lowRated } = review.data
  const documentHref = (id: string) => `${dashboardHref}/knowledge/${id}`
  const rated = summary.up + summary.down
  const recent = summary.byDay.slice(-CHART_DAYS)
  const period = `last ${summary.days} days`
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Figure label={`Thumbs up, ${period}`} value={formatNumber(summary.up)} />
        <Figure label={`Thumbs down, ${period}`} value={formatNumber(summary.down)} />
        <Figure label={`Rated helpful, ${period}`} value={rated === 0 ? 'No ratings yet' : `${Math.round((summary.up / rated) * 100)}%`} />
      </div>
      <Card>
        <CardHeader title="Over time" description={`Ratings per day (UTC), last ${CHART_DAYS} days.`} />
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            title="Thumbs up"
            unit="thumbs up"
            colour="fill-emerald-600"
            period={`in the last ${CHART_DAYS} days`}
            bars={recent.map((day) => ({ label: formatDay(day.date), value: day.up }))}
          />
          <BarChart
            title="Thumbs down"
            unit="thumbs down"
            colour="fill-red-600"
            period={`in the last ${CHART_DAYS} days`}
            bars={recent.map((day) => ({ label: formatDay(day.date), value: day.down }))}
          />
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="By element" description="The engine's reading of the conversation when the answer was given." />
          <FeedbackBreakdown
            label="Ratings by element"
            empty="No ratings yet."
            rows={summary.byElement.map((entry) => ({
              key: entry.element ?? 'none',
              label: entry.element ? capitalise(entry.element) : 'No reading',
              up: entry.up,
              down: entry.down,
            }))}
          />
          <h3 className="mt-6 mb-3 font-semibold text-stone-900">By phase</h3>
          <FeedbackBreakdown
            label="Ratings by phase"
            empty="No ratings yet."
            rows={summary.byPhase.map((entry) => ({
              key: String(entry.phase ?? 'none'),
              label: entry.phase ? `Phase ${entry.phase}, ${PHASE_NAMES[entry.phase]}` : 'No phase',
              up: entry.up,
              down: entry.down,
            }))}
          />
        </Card>
        <Card>
          <CardHeader title="By cited document" description="An answer citing several documents counts for each; most thumbs down first." />
          <FeedbackBreakdown
            label="Ratings by cited document"
            empty="No rated answer cited a document yet."
            rows={summary.byDocument.map((entry) => ({
              key: entry.knowledgeId,
              label: (
                <Link href={documentHref(entry.knowledgeId)} className="text-indigo-800 underline underline-offset-2">
                  {entry.title}
                </Link>
              ),
              up: entry.up,
              down: entry.down,
            }))}
          />
        </Card>
      </div>
      <Card>
        <CardHeader
          title="Answers rated down"
          description="The latest answers a member rated down, with the question and the sources. Nothing else of their conversations is shown."
        />
        <LowRatedAnswers answers={lowRated} documentHref={documentHref} />
      </Card>
    </div>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-stone-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-stone-900 tabular-nums">{value}</p>
    </div>
  )
}
