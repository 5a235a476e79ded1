// The tiers feature's public surface: a tenant's member tiers, assigning members, and counting each member's month.
export { createTier, deleteTier, listTiers, updateTier } from './tiers'
export { assignTier, updateMembership } from './assign'
export { recordMemberExchange, releaseMemberExchange, reserveMemberExchange, type MemberQuotaReason } from './member-usage'
