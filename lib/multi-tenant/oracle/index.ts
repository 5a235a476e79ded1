// The oracle feature's public surface: a ready assistant for a caller, the preview, and the stream they speak.
export { admitMember, openKeyOracle, openOracle, prepareQuestion, previewAnswer, type OracleCaller, type PreparedQuestion } from './service'
export { loadOracleProfile, tenantInactive, type OracleProfile, type VoiceDraft } from './profile'
export { eventStreamResponse } from './sse'
export type { OracleEvent } from './types'
export { brandingOf, type Branding } from './branding'
export { limitVisitorQuestion } from './visitor-rate-limit'
