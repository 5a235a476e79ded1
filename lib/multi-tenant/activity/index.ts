// The activity feature's public surface: what each member has done in a tenant.
export { listMemberActivity, myActivity } from './activity'
