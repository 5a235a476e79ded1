import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'

/*
 * A loopback server that speaks the part of the Supabase Storage API that
 * @supabase/storage-js uses for originals: upload, download and remove of objects in a
 * private bucket, each only with the project's server key, and signed downloads.
 */

export class FakeSupabaseStorage {
  url = ''
  readonly objects = new Map<string, { bytes: Buffer; contentType: string }>()
  readonly calls: { method: string; path: string }[] = []
  /** Signed download tokens: the object they open and until when. */
  private readonly signed = new Map<string, { name: string; expiresAt: number }>()
  private readonly server = createServer((req, res) => void this.handle(req, res))

  constructor(
    readonly serverKey: string,
    readonly bucket: string,
  ) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://fake').pathname)
    this.calls.push({ method: req.method ?? '', path })
    const body = await readBody(req)
    const signPrefix = `/storage/v1/object/sign/${this.bucket}/`
    if (req.method === 'GET' && path.startsWith(signPrefix)) return this.signedRead(res, path.slice(signPrefix.length), req.url ?? '')
    if (req.headers.authorization !== `Bearer ${this.serverKey}`)
      return reply(res, 403, { statusCode: '403', error: 'Unauthorized', message: 'invalid key' })
    if (req.method === 'POST' && path.startsWith(signPrefix)) {
      const name = path.slice(signPrefix.length)
      if (!this.objects.has(name)) return reply(res, 404, { statusCode: '404', error: 'not_found', message: 'Object not found' })
      const { expiresIn } = JSON.parse(body.toString('utf8')) as { expiresIn: number }
      const token = randomUUID()
      this.signed.set(token, { name, expiresAt: Date.now() + expiresIn * 1000 })
      return reply(res, 200, { signedURL: `/object/sign/${this.bucket}/${name}?token=${token}` })
    }
    const prefix = `/storage/v1/object/${this.bucket}`
    if (req.method === 'DELETE' && path === prefix) {
      const { prefixes } = JSON.parse(body.toString('utf8')) as { prefixes: string[] }
      const removed = prefixes.filter((name) => this.objects.delete(name))
      return reply(
        res,
        200,
        removed.map((name) => ({ name, bucket_id: this.bucket })),
      )
    }
    if (!path.startsWith(`${prefix}/`)) return reply(res, 404, { statusCode: '404', error: 'not_found', message: 'Bucket not found' })
    const name = path.slice(prefix.length + 1)
    if (req.method === 'POST') {
      if (this.objects.has(name)) return reply(res, 409, { statusCode: '409', error: 'Duplicate', message: 'The resource already exists' })
      this.objects.set(name, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') })
      return reply(res, 200, { Key: `${this.bucket}/${name}`, Id: name })
    }
    const found = req.method === 'GET' ? this.objects.get(name) : undefined
    if (!found) return reply(res, 404, { statusCode: '404', error: 'not_found', message: 'Object not found' })
    res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.bytes.length })
    res.end(found.bytes)
  }

  /** A signed address opens its one object, without the key, until it expires. */
  private signedRead(res: ServerResponse, name: string, url: string): void {
    const token = new URL(url, 'http://fake').searchParams.get('token') ?? ''
    const grant = this.signed.get(token)
    const found = grant && grant.name === name && grant.expiresAt > Date.now() ? this.objects.get(name) : undefined
    if (!found) return reply(res, 400, { statusCode: '400', error: 'InvalidJWT', message: 'invalid signature' })
    res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.bytes.length })
    res.end(found.bytes)
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
