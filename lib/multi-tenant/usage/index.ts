// The usage feature's public surface: the oracle's counting steps, the chat's capacity and the admins' report.
export { consumeConversation, recordExchange, releaseExchange, reserveMemberQuestion, reserveTokens, secondsToNextPeriod } from './usage'
export type { MemberQuotaReason } from './usage'
export { readChatCapacity, type ChatCapacity } from './capacity'
export { getUsageReport, getUsageReportAsKey } from './report'
