// The API keys feature's public surface: admins manage a tenant's keys; a request made with one becomes a KeyCaller.
export { createApiKey, listApiKeys, revokeApiKey } from './keys'
export { requireScope, resolveKeyCaller, type KeyCaller } from './caller'
export { KEY_REQUESTS_PER_MINUTE, limitKeyRequest } from './rate-limit'
