import { ZodError, type z } from 'zod'

/**
 * The one error type of the API. Every failure that reaches a route handler is
 * turned into `{ error: { code, message, details? } }` with the status below.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  two_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  storage_full: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  locked: 429,
  rate_limited: 429,
  limit_reached: 429,
  member_limit_reached: 429,
  tenant_inactive: 403,
  email_unverified: 403,
  two_factor_setup_required: 403,
  csrf: 403,
  unavailable: 503,
  internal: 500,
} as const

export type ErrorCode = keyof typeof errorStatus

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details?: unknown
  readonly retryAfterSeconds?: number

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = errorStatus[code]
    this.details = options.details
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

/** Field messages of a zod failure, keyed by dotted path. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.message
  }
  return fields
}

export function badRequestFromZod(error: ZodError, message = 'The request is not valid.'): AppError {
  return new AppError('bad_request', message, { details: { fields: zodFieldErrors(error) } })
}

/** The one "parse or 400": `value` by `schema`, or a bad_request naming each field that failed. */
export function parseOrBadRequest<S extends z.ZodType>(schema: S, value: unknown, message?: string): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequestFromZod(result.error, message)
  return result.data
}

const pgCodeMap: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: 'That already exists.' },
  '42501': { code: 'forbidden', message: 'You are not allowed to do that.' },
  '22P02': { code: 'bad_request', message: 'A value has the wrong format.' },
  '23503': { code: 'not_found', message: 'A referenced item does not exist.' },
  '23514': { code: 'bad_request', message: 'A value is out of range.' },
  '22001': { code: 'bad_request', message: 'A value is too long.' },
  // A character the database cannot store (NUL) or a byte sequence that is not UTF-8.
  '22021': { code: 'bad_request', message: 'A value holds a character that cannot be stored.' },
  '22P05': { code: 'bad_request', message: 'A value holds a character that cannot be stored.' },
  '22003': { code: 'bad_request', message: 'A number is out of range.' },
  '22008': { code: 'bad_request', message: 'A date is out of range.' },
  '22007': { code: 'bad_request', message: 'A date has the wrong format.' },
}

// SQLSTATEs our own triggers and functions raise; their messages are written for people.
const customPgCodes: Record<string, ErrorCode> = {
  OR403: 'forbidden',
  OR404: 'not_found',
  OR409: 'conflict',
  OR423: 'tenant_inactive',
  OR429: 'limit_reached',
}

/** Maps anything thrown below a route to an AppError; unknown failures become `internal`. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error
  if (error instanceof ZodError) return badRequestFromZod(error)
  const pgCode = (error as { code?: unknown } | null)?.code
  if (typeof pgCode === 'string' && customPgCodes[pgCode]) {
    return new AppError(customPgCodes[pgCode], (error as Error).message, { cause: error })
  }
  if (typeof pgCode === 'string' && pgCodeMap[pgCode]) {
    const mapped = pgCodeMap[pgCode]
    return new AppError(mapped.code, mapped.message, { cause: error })
  }
  return new AppError('internal', 'Something went wrong on our side.', { cause: error })
}

export function errorBody(error: AppError): { error: { code: ErrorCode; message: string; details?: unknown } } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  }
}

/** OpenAI's `type` for each kind of failure, so its clients raise the error they would for OpenAI. */
function openAiErrorType(error: AppError): string {
  if (error.code === 'limit_reached') return 'insufficient_quota'
  if (error.status === 429) return 'rate_limit_error'
  if (error.status === 401) return 'authentication_error'
  if (error.status === 403) return 'permission_error'
  if (error.status === 404) return 'not_found_error'
  if (error.status >= 500) return 'server_error'
  return 'invalid_request_error'
}

/**
 * The same body with OpenAI's two extra fields, for the public API (/api/v1), whose
 * callers use OpenAI's clients: `{ error: { code, message, type, param, details? } }`.
 */
export function openAiErrorBody(error: AppError): { error: ReturnType<typeof errorBody>['error'] & { type: string; param: null } } {
  return { error: { ...errorBody(error).error, type: openAiErrorType(error), param: null } }
}

export function errorResponse(error: unknown, body: (error: AppError) => object = errorBody): Response {
  const appError = toAppError(error)
  if (appError.status >= 500) console.error('[api]', appError.code, appError.cause ?? appError)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (appError.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(Math.max(1, Math.ceil(appError.retryAfterSeconds)))
  }
  return new Response(JSON.stringify(body(appError)), { status: appError.status, headers })
}
