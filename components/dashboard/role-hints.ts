import type { MemberRole } from '@/lib/contracts/members'

export const ROLE_HINTS: Record<MemberRole, string> = {
  admin: 'runs the dashboard: knowledge, personality, members',
  user: 'chats with the assistant',
  viewer: 'reads, cannot start conversations',
}
