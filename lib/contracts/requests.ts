import { z } from 'zod'
import { memberRoleSchema } from './members'
import { limitsOverrideSchema, planTierSchema } from './tenants'

/*
 * Bodies of the request routes: access requests (/api/tenant/[slug]/access-requests and
 * .../[id]/decision) and resource requests (/api/admin/tenants/[id]/resource-requests,
 * /api/admin/resource-requests and .../[id]/decision). SQL owns the statuses and kinds (the
 * checks of migrations 20261206010100 and 20261206010200); these lists are TypeScript's
 * one copy (rule-owners.test.ts compares them).
 */

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export const requestStatusSchema = z.enum(REQUEST_STATUSES, { message: 'must be pending, approved or rejected' })

export const RESOURCE_REQUEST_KINDS = ['plan', 'limits', 'restricted_access'] as const
export type ResourceRequestKind = (typeof RESOURCE_REQUEST_KINDS)[number]
export const resourceRequestKindSchema = z.enum(RESOURCE_REQUEST_KINDS, { message: 'must be plan, limits or restricted_access' })

/** `?status=pending`: one status only; without it, every request (newest first). */
export const requestListQuerySchema = z.object({ status: requestStatusSchema.optional() })
export type RequestListQuery = z.infer<typeof requestListQuerySchema>

const noteSchema = z.string().trim().max(2000, { message: 'must be at most 2000 characters' })
const decisionSchema = z.enum(['approve', 'reject'], { message: 'must be approve or reject' })

/** One entry of a request's status history: what it became, when, and the decision's note. */
export const requestEventSchema = z.strictObject({ status: requestStatusSchema, note: z.string().nullable(), at: z.string() })
export type RequestEvent = z.infer<typeof requestEventSchema>

export const accessRequestCreateSchema = z.strictObject({
  message: z.string().trim().min(1, { message: 'say who you are and why you would like access' }).max(2000, {
    message: 'must be at most 2000 characters',
  }),
})
export type AccessRequestCreate = z.infer<typeof accessRequestCreateSchema>

/** `role` is the member's role on approval (default `user`); a rejection takes none. */
export const accessRequestDecisionSchema = z
  .strictObject({ decision: decisionSchema, role: memberRoleSchema.optional(), note: noteSchema.optional() })
  .refine((body) => body.decision === 'approve' || body.role === undefined, {
    message: 'only an approval grants a role',
    path: ['role'],
  })
export type AccessRequestDecision = z.infer<typeof accessRequestDecisionSchema>

export const accessRequestSchema = z.strictObject({
  id: z.string(),
  tenantId: z.string(),
  userId: z.string(),
  /** The requester's verified address when they asked. */
  email: z.string(),
  message: z.string(),
  status: requestStatusSchema,
  /** The role granted (approved requests only). */
  role: memberRoleSchema.nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(requestEventSchema),
})
export type AccessRequest = z.infer<typeof accessRequestSchema>

export const accessRequestResponseSchema = z.strictObject({ request: accessRequestSchema })
export const accessRequestListResponseSchema = z.strictObject({ requests: z.array(accessRequestSchema) })

/** What a kind needs: a plan its tier, limits at least one limit, restricted access nothing more. */
export const resourceRequestCreateSchema = z
  .strictObject({
    kind: resourceRequestKindSchema,
    planTier: planTierSchema.optional(),
    limits: limitsOverrideSchema.optional(),
    reason: z.string().trim().min(1, { message: 'say why the tenant needs it' }).max(2000, { message: 'must be at most 2000 characters' }),
  })
  .superRefine((body, context) => {
    const problem = (path: 'planTier' | 'limits', message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if (body.kind === 'plan' && body.planTier === undefined) problem('planTier', 'name the plan you ask for')
    if (body.kind !== 'plan' && body.planTier !== undefined) problem('planTier', 'only a plan request names a plan')
    if (body.kind === 'limits' && (body.limits === undefined || Object.keys(body.limits).length === 0)) {
      problem('limits', 'name at least one limit you ask for')
    }
    if (body.kind !== 'limits' && body.limits !== undefined) problem('limits', 'only a limits request names limits')
  })
export type ResourceRequestCreate = z.infer<typeof resourceRequestCreateSchema>

/** The platform's decision; the note goes to the requester with it. */
export const resourceRequestDecisionSchema = z.strictObject({
  decision: decisionSchema,
  note: noteSchema.pipe(z.string().min(1, { message: 'write a note for the requester' })),
})
export type ResourceRequestDecision = z.infer<typeof resourceRequestDecisionSchema>

export const resourceRequestSchema = z.strictObject({
  id: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  tenantSlug: z.string(),
  kind: resourceRequestKindSchema,
  planTier: planTierSchema.nullable(),
  limits: limitsOverrideSchema.nullable(),
  reason: z.string(),
  status: requestStatusSchema,
  /** The tenant admin who asked (null once their account is gone). */
  requesterEmail: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(requestEventSchema),
})
export type ResourceRequest = z.infer<typeof resourceRequestSchema>

export const resourceRequestResponseSchema = z.strictObject({ request: resourceRequestSchema })
export const resourceRequestListResponseSchema = z.strictObject({ requests: z.array(resourceRequestSchema) })
