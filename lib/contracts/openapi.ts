import { z } from 'zod'
import { USER_HASH_HEADER } from './end-users'
import { errorBodySchema } from './errors'
import { knowledgeCreatedResponseSchema, knowledgeCreateSchema, knowledgeSearchResponseSchema, knowledgeSearchSchema } from './knowledge'
import { usageReportResponseSchema } from './usage'
import { chatCompletionChunkSchema, chatCompletionRequestSchema, chatCompletionSchema, modelListSchema } from './v1'

/*
 * The OpenAPI 3.1 document of the public API (/api/v1), generated from the same zod
 * contracts the handlers answer with (zod's own JSON Schema output: OpenAPI 3.1 schemas
 * are JSON Schema 2020-12). Served at /api/v1/openapi.json and read by the dashboard's
 * API page; a test validates it and holds it to the route files.
 */

/** What one operation needs: its contract and the words a reader needs around it. */
export type PublicOperation = {
  method: 'get' | 'post'
  path: string
  summary: string
  description: string
  /** The key scope the route asks for; null = open to anyone. */
  scope: string | null
  request?: { schema: string }
  /** Request headers the operation reads besides the key's. */
  headers?: { name: string; description: string; pattern: string }[]
  response: { schema: string; stream?: string; status?: number }
  refusals: number[]
}

const SCHEMAS: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  ChatCompletionRequest: { schema: chatCompletionRequestSchema, io: 'input' },
  ChatCompletion: { schema: chatCompletionSchema, io: 'output' },
  ChatCompletionChunk: { schema: chatCompletionChunkSchema, io: 'output' },
  ModelList: { schema: modelListSchema, io: 'output' },
  SearchRequest: { schema: knowledgeSearchSchema, io: 'input' },
  SearchResponse: { schema: knowledgeSearchResponseSchema, io: 'output' },
  KnowledgeCreateRequest: { schema: knowledgeCreateSchema, io: 'input' },
  KnowledgeCreated: { schema: knowledgeCreatedResponseSchema, io: 'output' },
  UsageReport: { schema: usageReportResponseSchema, io: 'output' },
  Error: { schema: errorBodySchema, io: 'output' },
}

export const PUBLIC_OPERATIONS: PublicOperation[] = [
  {
    method: 'get',
    path: '/models',
    summary: 'List models',
    description: 'One model, `default`: the tenant’s assistant, named after the tenant.',
    scope: 'chat',
    response: { schema: 'ModelList' },
    refusals: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/chat/completions',
    summary: 'Ask the assistant',
    description:
      'OpenAI’s chat completions, answered by the tenant’s assistant from its knowledge, in its voice. The last message (from the user) is the question; earlier turns count as the conversation’s depth. `max_tokens` bounds the answer (at most 1,024). Added to OpenAI’s shape: `sources`, the passages the answer cites as [n], on the message, or with `stream: true` on the last `chat.completion.chunk` before `data: [DONE]`. Each call counts as one of the tenant’s conversations this month; past the limit the answer is 429 with Retry-After.\n\n`user` with the `X-User-Hash` header asks for a verified end user of the tenant’s site: the hash is HMAC-SHA256 of `user` with the tenant’s identity secret (dashboard, API keys page), computed on the tenant’s server. The exchange is then kept in that end user’s history, apart from members’ conversations. A wrong hash is 401; a tenant without an identity secret answers 403. Without the header the call is anonymous and `user` is not stored.',
    scope: 'chat',
    request: { schema: 'ChatCompletionRequest' },
    headers: [
      {
        name: USER_HASH_HEADER,
        description: 'HMAC-SHA256(user, identity secret) in hex: makes `user` a verified end user. Requires `user` in the body.',
        pattern: '^[0-9a-fA-F]{64}$',
      },
    ],
    response: { schema: 'ChatCompletion', stream: 'ChatCompletionChunk' },
    refusals: [400, 401, 403, 404, 415, 429],
  },
  {
    method: 'post',
    path: '/search',
    summary: 'Search the knowledge',
    description: 'The tenant’s knowledge search, best passage first: the same ranking members get on the tenant’s site.',
    scope: 'knowledge:read',
    request: { schema: 'SearchRequest' },
    response: { schema: 'SearchResponse' },
    refusals: [400, 401, 403, 415, 429],
  },
  {
    method: 'post',
    path: '/knowledge',
    summary: 'Add a document',
    description:
      'Adds a text or Markdown document to the tenant’s knowledge, chunked and embedded as the dashboard does it, and counted against the tenant’s storage. The same text twice is 409 with the existing document’s id.',
    scope: 'knowledge:write',
    request: { schema: 'KnowledgeCreateRequest' },
    response: { schema: 'KnowledgeCreated', status: 201 },
    refusals: [400, 401, 403, 409, 413, 415, 429],
  },
  {
    method: 'get',
    path: '/usage',
    summary: 'Read usage',
    description: 'The tenant’s usage as its dashboard shows it: this month against its limits, earlier months, and the last 30 days.',
    scope: 'usage:read',
    response: { schema: 'UsageReport' },
    refusals: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of this API. No key needed.',
    scope: null,
    response: { schema: 'OpenApiDocument' },
    refusals: [],
  },
]

const REFUSALS: Record<number, string> = {
  400: 'The body is not valid; `error.details.fields` names each field.',
  401: 'No live API key: missing, unknown, revoked or expired; or an `X-User-Hash` that does not match `user`.',
  403: 'The key lacks the scope, the tenant is not active (`tenant_inactive`), or an `X-User-Hash` was sent to a tenant without an identity secret.',
  404: 'No such model.',
  409: 'The same text is already a document (`error.details.id`).',
  413: 'The tenant’s storage is full.',
  415: 'The body is not JSON.',
  429: 'The key’s 60 requests a minute (`rate_limited`) or the tenant’s monthly limit (`limit_reached`); see Retry-After.',
}

function jsonSchema(entry: { schema: z.ZodType; io: 'input' | 'output' }): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(entry.schema, { io: entry.io, target: 'draft-2020-12' })
  return schema
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

function operation(op: PublicOperation) {
  const content: Record<string, unknown> = { 'application/json': { schema: ref(op.response.schema) } }
  if (op.response.stream) {
    content['text/event-stream'] = {
      schema: { ...ref(op.response.stream), description: 'With `stream: true`: one `data: <chunk>` line per chunk, then `data: [DONE]`.' },
    }
  }
  const refusals = Object.fromEntries(
    op.refusals.map((status) => [
      String(status),
      { description: REFUSALS[status], content: { 'application/json': { schema: ref('Error') } } },
    ]),
  )
  return {
    operationId: `${op.method}${op.path.replace(/[^a-z]+([a-z])/g, (_all, letter: string) => letter.toUpperCase())}`,
    summary: op.summary,
    description: op.scope ? `${op.description}\n\nNeeds a key with the \`${op.scope}\` scope.` : op.description,
    security: op.scope ? [{ apiKey: [] }] : [],
    ...(op.headers
      ? {
          parameters: op.headers.map((header) => ({
            name: header.name,
            in: 'header',
            required: false,
            description: header.description,
            schema: { type: 'string', pattern: header.pattern },
          })),
        }
      : {}),
    ...(op.request ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.request.schema) } } } } : {}),
    responses: { [String(op.response.status ?? 200)]: { description: op.summary, content }, ...refusals },
  }
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of PUBLIC_OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Elemental Oracle public API',
      version,
      description:
        'A tenant’s assistant and knowledge for the tenant’s own code, OpenAI-compatible: point an OpenAI client at `<platform>/api/v1` with a tenant API key. Errors are `{ error: { code, message, type, param, details? } }`.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A tenant API key (`oak_…`), made by a tenant admin in the dashboard.' },
      },
      schemas: {
        ...Object.fromEntries(Object.entries(SCHEMAS).map(([name, entry]) => [name, jsonSchema(entry)])),
        OpenApiDocument: { type: 'object', description: 'An OpenAPI 3.1 document: this one.' },
      },
    },
    paths,
  }
}
