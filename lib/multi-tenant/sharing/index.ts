// The sharing feature's public surface: giving a personal document, advisor or conversation to others of the tenant.
export { createShare, listShares, removeShare } from './shares'
export { readSharedConversation } from './shared-conversation'
