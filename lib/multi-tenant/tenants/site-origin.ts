/*
 * Where a tenant's own site answers, as seen from a browser that reached this server with
 * `scheme` and `port`: its custom domain when it has one, otherwise `<slug>.<platform>`.
 * The platform's own address is the same scheme and port on the platform domain.
 */

export type Reached = { https: boolean; port: string | null; platformDomain: string }

const originOf = (host: string, reached: Reached) =>
  `${reached.https ? 'https' : 'http'}://${host}${reached.port ? `:${reached.port}` : ''}`

/** The port of a Host header (`oracle.test:3000` -> `3000`), or null for the scheme's default. */
export function portOfHost(host: string | null): string | null {
  return /:(\d+)$/.exec(host ?? '')?.[1] ?? null
}

export function platformOrigin(reached: Reached): string {
  return originOf(reached.platformDomain, reached)
}

export function tenantSiteOrigin(tenant: { slug: string; domain: string | null }, reached: Reached): string {
  const host = tenant.domain ?? `${tenant.slug}.${reached.platformDomain}`
  return originOf(host, reached)
}
