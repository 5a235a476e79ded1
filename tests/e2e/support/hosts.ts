/** Addresses of the app under test: the platform host and each tenant's own host. */
const port = process.env.E2E_PORT ?? ''
export const PLATFORM_DOMAIN = 'oracle.test'

export function platformUrl(path = '/'): string {
  return `http://${PLATFORM_DOMAIN}:${port}${path}`
}

export function tenantUrl(slug: string, path = '/'): string {
  return `http://${slug}.${PLATFORM_DOMAIN}:${port}${path}`
}

export const platformAdmin = {
  email: process.env.E2E_ADMIN_EMAIL ?? '',
  password: process.env.E2E_ADMIN_PASSWORD ?? '',
}
