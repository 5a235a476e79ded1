// The export feature's public surface: a tenant admin's export of the tenant, and a member's copy of their own data.
export { buildTenantExport, downloadTenantExport, getTenantExport, listTenantExports, requestTenantExport } from './tenant-exports'
export { memberExport } from './member-archive'
