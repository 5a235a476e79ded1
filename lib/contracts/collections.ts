import { z } from 'zod'
import { uuidSchema } from './ids'

/*
 * Collections of a tenant's knowledge (/api/admin/tenants/[id]/collections) and where a
 * document sits and who reads it (PUT /api/admin/tenants/[id]/knowledge/[knowledgeId]).
 */

export const collectionNameSchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'is required' })
  .max(80, { message: 'must be at most 80 characters' })

export const addCollectionSchema = z.strictObject({ name: collectionNameSchema })

export const collectionSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The collection documents go to when they name none; it cannot be removed. */
  isDefault: z.boolean(),
  documentCount: z.number().int().min(0),
  createdAt: z.string(),
})
export type Collection = z.infer<typeof collectionSchema>

export const collectionListSchema = z.strictObject({ collections: z.array(collectionSchema) })
export type CollectionList = z.infer<typeof collectionListSchema>

/** Who reads a tenant document: every member, the tenant's admins, or the named groups (and admins). */
export const DOCUMENT_AUDIENCES = ['members', 'admins', 'groups'] as const
export const documentAudienceSchema = z.enum(DOCUMENT_AUDIENCES)
export type DocumentAudience = z.infer<typeof documentAudienceSchema>

/** Body of PUT .../knowledge/[knowledgeId]: move it, change its audience, or both. */
export const documentPlacementInputSchema = z
  .strictObject({
    collectionId: uuidSchema.optional(),
    visibility: documentAudienceSchema.optional(),
    /** With `visibility: "groups"`: the groups that read it. */
    groupIds: z.array(uuidSchema).max(100).optional(),
  })
  .refine((value) => value.collectionId !== undefined || value.visibility !== undefined, {
    message: 'name a collectionId or a visibility',
  })
  .refine((value) => value.groupIds === undefined || value.visibility === 'groups', {
    message: 'groupIds go with visibility "groups"',
    path: ['groupIds'],
  })
export type DocumentPlacementInput = z.infer<typeof documentPlacementInputSchema>

export const documentPlacementSchema = z.strictObject({
  id: z.string(),
  collectionId: z.string(),
  visibility: documentAudienceSchema,
  groupIds: z.array(z.string()),
})
export type DocumentPlacement = z.infer<typeof documentPlacementSchema>
