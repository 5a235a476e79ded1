import type { Queryable } from '@/lib/db'
import type { MemberActivity, MemberActivityList } from '@/lib/contracts/activity'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'

/* Per-member activity from app_private.member_activity, which decides whose rows the caller sees. */

type ActivityRow = {
  user_id: string
  email: string
  role: MemberActivity['role']
  last_active_at: Date | string | null
  conversations: number | string
  uploads: number | string
  personal_documents: number | string
  personal_bytes: number | string
  feedback: number | string
}

const toActivity = (row: ActivityRow): MemberActivity => ({
  userId: String(row.user_id),
  email: row.email,
  role: row.role,
  lastActiveAt: row.last_active_at ? new Date(row.last_active_at).toISOString() : null,
  conversations: Number(row.conversations),
  uploads: Number(row.uploads),
  personalDocuments: Number(row.personal_documents),
  personalBytes: Number(row.personal_bytes),
  feedback: Number(row.feedback),
})

function activityRows(tx: Queryable, tenantId: string): Promise<ActivityRow[]> {
  return tx.query<ActivityRow>('select * from app_private.member_activity($1)', [tenantId])
}

export async function listMemberActivity(caller: Acting, tenantId: string): Promise<MemberActivityList> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return { members: (await activityRows(tx, tenantId)).map(toActivity) }
  })
}

export async function myActivity(caller: Acting, tenantId: string): Promise<MemberActivity> {
  const rows = await caller.run((tx) => activityRows(tx, tenantId))
  const own = rows.find((row) => String(row.user_id) === caller.session?.userId)
  if (!own) throw new AppError('not_found', 'No activity of yours in this tenant.')
  return toActivity(own)
}
