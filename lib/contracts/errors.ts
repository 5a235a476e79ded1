import { z } from 'zod'
import { errorStatus, type ErrorCode } from '@/lib/errors'

const ERROR_CODES = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]

export const errorCodeSchema = z.enum(ERROR_CODES)

/**
 * The one JSON error shape every route answers with (lib/errors.ts errorBody builds it);
 * the public API (/api/v1) adds OpenAI's `type` and `param` (openAiErrorBody).
 */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
    type: z.string().optional(),
    param: z.null().optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
