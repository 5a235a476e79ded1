/** The tenants and people of the journey; the database is fresh for every run. */
export const TENANT_A = { name: 'Aurora Cove Hotel', slug: 'aurora-cove' }
/** Open to visitors: anyone on its host may ask, without history. */
export const TENANT_B = { name: 'Beacon Labs', slug: 'beacon-labs', publicAccess: true }

export const ADMIN_A = { email: 'ada@aurora-cove.example', password: 'aurora-admin-passphrase' }
export const MEMBER_A = { email: 'max@aurora-cove.example', password: 'aurora-member-passphrase' }
export const MEMBER_B = { email: 'bea@beacon-labs.example', password: 'beacon-member-passphrase' }
