// The conversations feature's public surface: a member's own threads, and the oracle's thread steps.
export { deleteConversation, getConversation, listConversations, rateAnswer } from './conversations'
export { renameConversation } from './rename'
export { abandonThread, loadThread, startThread, storeExchange, type Thread } from './threads'
