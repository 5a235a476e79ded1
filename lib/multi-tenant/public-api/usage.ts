import type { UsageReport } from '@/lib/contracts/usage'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'
import { getUsageReportAsKey } from '@/lib/multi-tenant/usage'

/** The tenant's usage report, for a key with `usage:read`. */
export function usageAsKey(caller: KeyCaller): Promise<UsageReport> {
  return getUsageReportAsKey(caller.run, caller.tenantId)
}
