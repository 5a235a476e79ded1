import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/*
 * A real HTTP server on loopback that speaks enough of the OpenAI API for the
 * `openai` SDK to run its real code path: chat completions (JSON and SSE),
 * embeddings (float and base64), error bodies and retry headers.
 */

export type RecordedRequest = {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: Record<string, unknown>
}

export type FakeUsage = { prompt_tokens: number; completion_tokens: number }

export type FakeOpenAIOptions = {
  replyText?: string
  embeddingDimensions?: number
  /** Wait this long before answering: trips client timeouts. */
  delayMs?: number
  /** Wait this long between streamed chunks: trips idle-stream timeouts. */
  chunkDelayMs?: number
  /** Fixed usage to report; `null` sends none; absent counts words. */
  usage?: FakeUsage | null
  /** When set, any other bearer token gets a 401 that echoes the token back. */
  apiKey?: string
  /** `retry-after-ms` sent with failures, so SDK retries in tests are quick. */
  retryAfterMs?: number
  /** After this many streamed tokens, the stream ends with a rate-limit error, as providers send one mid-stream. */
  rateLimitAfterTokens?: number
}

type PlannedFailure = { status: number; remaining: number }

const ERROR_TYPES: Record<number, { type: string; code: string; message: string }> = {
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests.' },
  500: { type: 'server_error', code: 'server_error', message: 'The server had an error processing your request.' },
  503: { type: 'server_error', code: 'service_unavailable', message: 'The engine is currently overloaded.' },
}

export class FakeOpenAI {
  url = ''
  readonly requests: RecordedRequest[] = []
  replyText: string
  embeddingDimensions: number
  delayMs: number
  chunkDelayMs: number
  usage: FakeUsage | null | undefined
  readonly apiKey: string | undefined
  readonly retryAfterMs: number
  rateLimitAfterTokens: number | undefined
  private readonly failures: PlannedFailure[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly server = createServer((req, res) => void this.handle(req, res))

  constructor(options: FakeOpenAIOptions) {
    this.replyText = options.replyText ?? 'The fake model answers plainly.'
    this.embeddingDimensions = options.embeddingDimensions ?? 8
    this.delayMs = options.delayMs ?? 0
    this.chunkDelayMs = options.chunkDelayMs ?? 0
    this.usage = options.usage
    this.apiKey = options.apiKey
    this.retryAfterMs = options.retryAfterMs ?? 5
    this.rateLimitAfterTokens = options.rateLimitAfterTokens
  }

  /** The next `count` requests (any endpoint) get `status` with an OpenAI-style error body. */
  failNext(status: number, count = 1): void {
    this.failures.push({ status, remaining: count })
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path)
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.url = `http://127.0.0.1:${port}/v1`
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.server.closeAllConnections()
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())))
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    let body: Record<string, unknown>
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      return sendError(res, 400, 'invalid_request_error', 'invalid_json', 'The body is not valid JSON.')
    }
    const path = (req.url ?? '').split('?')[0] ?? ''
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body })

    await this.sleep(this.delayMs)
    if (res.destroyed) return

    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    if (this.apiKey !== undefined && bearer !== this.apiKey) {
      return sendError(res, 401, 'invalid_request_error', 'invalid_api_key', `Incorrect API key provided: ${bearer}.`)
    }
    const failure = this.failures[0]
    if (failure) {
      failure.remaining -= 1
      if (failure.remaining <= 0) this.failures.shift()
      const known = ERROR_TYPES[failure.status] ?? { type: 'server_error', code: 'error', message: 'Failure.' }
      res.setHeader('retry-after-ms', String(this.retryAfterMs))
      return sendError(res, failure.status, known.type, known.code, known.message)
    }

    if (req.method === 'POST' && path === '/v1/chat/completions') return this.chat(res, body)
    if (req.method === 'POST' && path === '/v1/embeddings') return this.embeddings(res, body)
    return sendError(res, 404, 'invalid_request_error', 'unknown_url', `Unknown request URL: ${req.method} ${path}.`)
  }

  private usageFor(body: Record<string, unknown>): FakeUsage | null {
    if (this.usage !== undefined) return this.usage
    const messages = Array.isArray(body.messages) ? (body.messages as { content?: unknown }[]) : []
    const promptWords = messages.reduce((sum, message) => sum + wordCount(String(message.content ?? '')), 0)
    return { prompt_tokens: promptWords, completion_tokens: wordCount(this.replyText) }
  }

  private async chat(res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const id = 'chatcmpl-fake'
    const model = String(body.model ?? 'fake-model')
    const created = Math.floor(Date.now() / 1000)
    const usage = this.usageFor(body)
    const usageField = usage ? { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } : undefined

    if (body.stream !== true) {
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: this.replyText }, finish_reason: 'stop' }],
        ...(usageField ? { usage: usageField } : {}),
      })
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`
    res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]))
    for (const [index, token] of (this.replyText.match(/\S+\s*/g) ?? []).entries()) {
      await this.sleep(this.chunkDelayMs)
      if (res.destroyed) return
      if (index === this.rateLimitAfterTokens) {
        const { type, code, message } = ERROR_TYPES[429] as { type: string; code: string; message: string }
        res.end(`data: ${JSON.stringify({ error: { message, type, param: null, code } })}\n\n`)
        return
      }
      res.write(chunk([{ index: 0, delta: { content: token }, finish_reason: null }]))
    }
    res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]))
    const options = body.stream_options as { include_usage?: boolean } | undefined
    if (options?.include_usage && usageField) res.write(chunk([], { usage: usageField }))
    res.end('data: [DONE]\n\n')
  }

  private embeddings(res: ServerResponse, body: Record<string, unknown>): void {
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')]
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : this.embeddingDimensions
    const base64 = body.encoding_format === 'base64'
    const data = inputs.map((input, index) => {
      const vector = fakeVector(input, dimensions)
      const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
      return { object: 'embedding', index, embedding }
    })
    const tokens = inputs.reduce((sum, input) => sum + wordCount(input), 0)
    sendJson(res, 200, {
      object: 'list',
      model: String(body.model ?? 'fake-embedding'),
      data,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    })
  }
}

/** Deterministic unit vector derived from the text's SHA-256 (repeated to fill). */
export function fakeVector(text: string, dimensions: number): number[] {
  const values: number[] = []
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest()
    for (let offset = 0; offset + 1 < digest.length && values.length < dimensions; offset += 2) {
      values.push(digest.readUInt16LE(offset) / 32768 - 1)
    }
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1
  return values.map((value) => value / norm)
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  if (res.destroyed) return
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(payload))
}

function sendError(res: ServerResponse, status: number, type: string, code: string, message: string): void {
  sendJson(res, status, { error: { message, type, param: null, code } })
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const fake = new FakeOpenAI(options)
  await fake.listen()
  return fake
}
