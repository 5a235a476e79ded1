import type { TenantRole as Role } from '@/lib/auth/roles'

export type MemberView = { userId: string; email: string; role: Role; createdAt: string }
export type InvitationView = { id?: string; email: string; role: Role; expiresAt: string }
export type MemberList = { members: MemberView[]; invitations: InvitationView[] }
export type AddResult = { invitation: InvitationView }

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'runs the dashboard: knowledge, personality, members',
  user: 'chats with the assistant',
  viewer: 'reads, cannot start conversations',
}
