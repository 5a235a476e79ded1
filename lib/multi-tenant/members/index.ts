// The members feature's public surface: memberships, roles and invitations.
export { addMember, addMemberSchema, changeMemberRole, changeRoleSchema, listMembers, removeMember } from './members'
export { memberRoleSchema, type Member, type MemberRole } from './members'
export { acceptInvitation, previewInvitation, type AcceptedInvitation, type InvitationPreview } from './invitations'
