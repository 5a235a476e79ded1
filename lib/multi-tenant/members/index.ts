// The members feature's public surface: memberships, roles and invitations.
export { addMember, changeMemberRole, listMembers, removeMember } from './members'
export { acceptInvitation, previewInvitation, type InvitationPreview } from './invitations'
export { resendInvitation, revokeInvitation } from './invitation-admin'
