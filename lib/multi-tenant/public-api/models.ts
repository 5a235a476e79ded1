import { DEFAULT_MODEL, type ModelList } from '@/lib/contracts/v1'
import { AppError } from '@/lib/errors'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'

/** The tenant's models: `default`, its assistant, named after the tenant (read under the key's RLS). */
export async function listModels(caller: KeyCaller): Promise<ModelList> {
  const rows = await caller.run((tx) =>
    tx.query<{ name: string; slug: string; created_at: Date | string }>('select name, slug, created_at from public.tenants where id = $1', [
      caller.tenantId,
    ]),
  )
  const tenant = rows[0]
  if (!tenant) throw new AppError('not_found', 'No such tenant.')
  const created = Math.floor(new Date(tenant.created_at).getTime() / 1000)
  return {
    object: 'list',
    data: [{ id: DEFAULT_MODEL, object: 'model', created, owned_by: tenant.slug, name: `${tenant.name} assistant` }],
  }
}
