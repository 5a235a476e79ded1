/** The context a tenant's identity secret is sealed with: it opens only in its own tenant's row. */
export const identitySecretContext = (tenantId: string) => `tenant_identity_secret:${tenantId}`
