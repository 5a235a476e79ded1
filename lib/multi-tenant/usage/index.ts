// The usage feature's public surface: the oracle's counting steps and the admins' report.
export { consumeConversation, recordExchange, releaseExchange, reserveTokens } from './usage'
export { getUsageReport, getUsageReportAsKey } from './report'
