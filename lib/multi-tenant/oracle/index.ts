// The oracle feature's public surface: a ready assistant for a caller, the preview, and the bodies and stream they speak.
export { admitMember, openOracle, prepareQuestion, previewAnswer, type OracleCaller, type PreparedQuestion } from './service'
export { loadOracleProfile, tenantInactive, type OracleProfile, type VoiceDraft } from './profile'
export { conversationListQuerySchema, feedbackRequestSchema, oracleRequestSchema, previewRequestSchema } from './schema'
export type { ConversationListQuery, OracleRequest, PreviewRequest } from './schema'
export { eventStreamResponse } from './sse'
export type { KnowledgeSource, OracleEvent, OracleMeta, OracleResult, OracleUsage } from './types'
