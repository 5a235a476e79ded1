// The end-users feature's public surface: end users of a tenant's own site, their verified identity, sessions and history.
export { readIdentitySecret, rotateIdentitySecret } from './identity-secret'
export { identityHash, verifyIdentity } from './identity'
export { hashEndUserToken, isEndUserToken, openEndUserSession, type OpenedSession } from './sessions'
export { endUserHistory, listEndUserMessages, storeEndUserExchange, type EndUserMessage } from './history'
