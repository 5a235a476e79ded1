// The groups feature's public surface: teams of a tenant's members.
export { addGroup, addGroupMember, listGroups, removeGroup, removeGroupMember, renameGroup } from './groups'
