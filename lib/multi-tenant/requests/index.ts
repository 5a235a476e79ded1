// The requests feature's public surface: access requests (joining a tenant) and resource requests (asking the platform for more).
export { decideAccessRequest, fileAccessRequest, listAccessRequests, ownAccessRequest } from './access-requests'
export { decideResourceRequest, fileResourceRequest, listResourceRequests, listTenantResourceRequests } from './resource-requests'
export { reachedBy } from './links'
