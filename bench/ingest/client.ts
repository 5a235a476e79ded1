/* A tenant admin's (here: a platform admin's) HTTP session against the server under test. */

export type JobView = {
  id: string
  fileName: string | null
  status: string
  progress: number
  documentId?: string
  error?: { code: string; message: string }
}
export type Accepted = { ids: string[]; refused: number; legacyChunks: number; legacy: boolean }

export class Client {
  private cookie = ''
  /** Reads sent again after a reset connection (see send). */
  resets = 0

  constructor(readonly url: string) {}

  async login(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.url },
      body: JSON.stringify({ email, password }),
    })
    if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`)
    this.cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ')
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const response = await this.send(path, init)
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }

  /**
   * A read is sent again when its connection was reset: a server whose event loop stalled
   * past its keep-alive timeout closes idle sockets the client has just reused.
   */
  private async send(path: string, init: RequestInit, attempt = 1): Promise<Response> {
    try {
      return await fetch(`${this.url}${path}`, { ...init, headers: { cookie: this.cookie, origin: this.url, ...(init.headers ?? {}) } })
    } catch (error) {
      if ((init.method ?? 'GET') !== 'GET' || attempt >= 3) throw error
      this.resets += 1
      return this.send(path, init, attempt + 1)
    }
  }

  async createTenant(slug: string): Promise<string> {
    const { status, body } = await this.json<{ tenant: { id: string } }>('/api/admin/tenants', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: slug, slug }),
    })
    if (status !== 201) throw new Error(`creating the tenant failed: ${status} ${JSON.stringify(body)}`)
    return body.tenant.id
  }

  /** POSTs files; understands both the job API (202) and the synchronous one it replaced (200/201 with results). */
  async upload(tenantId: string, files: { name: string; bytes: Uint8Array }[]): Promise<Accepted> {
    const form = new FormData()
    for (const file of files) form.append('files', new File([new Uint8Array(file.bytes)], file.name))
    const { status, body } = await this.json<{
      jobs?: { id: string | null }[]
      results?: { status: string; chunkCount?: number }[]
      error?: unknown
    }>(`/api/admin/tenants/${tenantId}/knowledge`, { method: 'POST', body: form })
    if (status === 202 && body.jobs) {
      const ids = body.jobs.flatMap((job) => (job.id ? [job.id] : []))
      return { ids, refused: body.jobs.length - ids.length, legacyChunks: 0, legacy: false }
    }
    const results = body.results ?? []
    if (results.length > 0) {
      return {
        ids: [],
        refused: results.filter((result) => result.status === 'error').length,
        legacyChunks: results.reduce((sum, result) => sum + (result.chunkCount ?? 0), 0),
        legacy: true,
      }
    }
    return { ids: [], refused: files.length, legacyChunks: 0, legacy: true }
  }

  async jobs(tenantId: string): Promise<JobView[]> {
    return (await this.json<{ jobs: JobView[] }>(`/api/admin/tenants/${tenantId}/knowledge/jobs?limit=500`)).body.jobs
  }

  /** Polls until every one of `ids` is done or failed. */
  async settle(tenantId: string, ids: string[]): Promise<JobView[]> {
    const wanted = new Set(ids)
    for (;;) {
      const mine = (await this.jobs(tenantId)).filter((job) => wanted.has(job.id))
      if (mine.length === wanted.size && mine.every((job) => job.status === 'done' || job.status === 'failed')) return mine
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  async chunks(tenantId: string): Promise<number | null> {
    const { status, body } = await this.json<{ chunks: number }>(`/api/admin/tenants/${tenantId}/knowledge/index`)
    return status === 200 ? body.chunks : null
  }

  async eventLoop(): Promise<{ p99Ms: number; maxMs: number; rssMb: number } | null> {
    const { status, body } = await this.json<{ p99Ms: number; maxMs: number; rssMb: number }>('/api/debug/event-loop')
    return status === 200 ? body : null
  }
}
