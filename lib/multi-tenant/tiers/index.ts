// The tiers feature's public surface: a tenant's member tiers and assigning members to them (counting is usage's).
export { createTier, deleteTier, listTiers, updateTier } from './tiers'
export { assignTier, updateMembership } from './assign'
