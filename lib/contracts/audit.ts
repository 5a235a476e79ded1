import { z } from 'zod'

/*
 * The audit log routes (/api/admin/audit-logs and /api/admin/tenants/[id]/audit-logs):
 * their query string and the page they answer with.
 */

/**
 * The actions the server records. Kept as a list so a typo is a type error, not a row
 * nobody can filter for; the viewer offers their groups as filters.
 */
export const AUDIT_ACTIONS = [
  'tenant.create',
  'tenant.update',
  'tenant.delete',
  'member.add',
  'member.invite',
  'member.invite_revoke',
  'member.invite_resend',
  'member.role_change',
  'member.remove',
  'knowledge.add',
  'knowledge.delete',
  'knowledge.reextract',
  'personality.update',
  'plan.update',
  'api_key.create',
  'api_key.revoke',
  'identity_secret.rotate',
  'widget_origin.add',
  'widget_origin.remove',
  'collection.add',
  'knowledge.place',
  'group.add',
  'group.update',
  'group.delete',
  'group.member_add',
  'group.member_remove',
  'advisor.create',
  'advisor.update',
  'advisor.delete',
  'access_request.approve',
  'access_request.reject',
  'resource_request.create',
  'resource_request.approve',
  'resource_request.reject',
  'member.tier_change',
  'tier.create',
  'tier.update',
  'tier.delete',
  'export.create',
  'export.download',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** `member` for `member.add`: the prefixes the `action` filter accepts. */
export const AUDIT_ACTION_GROUPS = [...new Set(AUDIT_ACTIONS.map((action) => action.slice(0, action.indexOf('.'))))]

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'must be a date (2026-11-23) or an ISO 8601 date-time',
})

/**
 * Query string of the audit log endpoints. `page`/`pageSize` page by offset; `cursor`
 * (the last id seen) pages by keyset and wins over `page`. `action` is exact when it
 * has a dot (`member.add`), otherwise a prefix (`member` = every member action).
 * `from` is inclusive; `to` is inclusive, and a bare date means the whole of that day.
 */
export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().min(1).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_.]+)?$/, { message: 'must be an action such as member.add, or a prefix such as member' })
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** The platform-wide log also filters by tenant; `platform` selects the platform's own rows. */
export const platformAuditQuerySchema = auditQuerySchema.extend({
  tenantId: z.union([z.uuid({ message: 'must be a tenant id or "platform"' }), z.literal('platform')]).optional(),
})
export type PlatformAuditQuery = z.infer<typeof platformAuditQuerySchema>

export const auditLogEntrySchema = z.strictObject({
  id: z.number().int(),
  /** null: the platform's own chain (e.g. the record of a tenant's deletion). */
  tenantId: z.string().nullable(),
  /** null for the system, and for a platform admin when the reader is not one (see actorIsPlatformAdmin). */
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorIsPlatformAdmin: z.boolean(),
  /**
   * Any dotted name (the SQL check on public.audit_logs.action), not only AUDIT_ACTIONS:
   * rows written by SQL functions or by an older release must still be shown.
   */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** What the target is called (a document's title, a member's email, a tenant's name), when known. */
  targetName: z.string().nullable(),
  /** JSON summaries of the change, or null. */
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  prevHash: z.string().nullable(),
  hash: z.string(),
})
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>

/** The verification of one hash chain: the filtered tenant's, or the platform's own. */
export const chainCheckSchema = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int().min(0),
  firstBrokenId: z.number().int().nullable(),
})
export type ChainCheck = z.infer<typeof chainCheckSchema>

export const auditLogPageResponseSchema = z.strictObject({
  /** Newest first. */
  items: z.array(auditLogEntrySchema),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.number().int().nullable(),
  chain: chainCheckSchema,
})
export type AuditLogPage = z.infer<typeof auditLogPageResponseSchema>
