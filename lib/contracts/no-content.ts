import { z } from 'zod'

/** A 204 answer: apiFetch reads its empty body as null. */
export const noContentSchema = z.null()
