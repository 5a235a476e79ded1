import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

/*
 * A real HTTP server on loopback in front of route handlers, so a client that speaks
 * HTTP (the official `openai` package) runs its own code path against them. Requests
 * become the web Request a Next.js handler receives; its Response, streamed bodies
 * included, is written back as it comes. Unknown paths are 404.
 */

export type RouteTable = Record<string, Partial<Record<string, (request: Request) => Promise<Response>>>>
export type RouteServer = { url: string; close: () => Promise<void> }

async function bodyOf(message: IncomingMessage): Promise<Buffer | undefined> {
  if (message.method === 'GET' || message.method === 'HEAD') return undefined
  const parts: Buffer[] = []
  for await (const part of message) parts.push(part as Buffer)
  return Buffer.concat(parts)
}

function toRequest(message: IncomingMessage, url: string, body: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  return new Request(url, { method: message.method, headers, body: body ? new Uint8Array(body) : undefined, signal })
}

async function write(response: Response, out: ServerResponse): Promise<void> {
  out.writeHead(response.status, Object.fromEntries(response.headers.entries()))
  if (!response.body) {
    out.end()
    return
  }
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(out)
}

export async function startRouteServer(routes: RouteTable): Promise<RouteServer> {
  const server = createServer((message, out) => {
    const stop = new AbortController()
    out.on('close', () => stop.abort())
    void (async () => {
      const url = new URL(message.url ?? '/', 'http://127.0.0.1')
      const handler = routes[url.pathname]?.[message.method ?? 'GET']
      if (!handler) {
        out.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"No such route."}}')
        return
      }
      const request = toRequest(message, url.toString(), await bodyOf(message), stop.signal)
      await write(await handler(request), out)
    })().catch((error: unknown) => {
      console.error('[route-server]', error)
      if (!out.headersSent) out.writeHead(500)
      out.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
