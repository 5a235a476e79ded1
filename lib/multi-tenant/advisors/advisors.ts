import type { Queryable } from '@/lib/db'
import type { Advisor, AdvisorInput, AdvisorList } from '@/lib/contracts/advisors'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { advisorNotFound, checkReferences, selectAdvisors, writeAdvisor } from './store'

/*
 * What the advisor routes do. Whether the caller may add, change or use an advisor is the
 * database's (policies and app_private.may_use_advisor / manages_advisor); the checks here
 * come first for clear answers: a personal advisor has no collections or audience (it
 * answers from its owner's documents and is shared like them), and every id it names is
 * one of this tenant's.
 */

type Facts = { isAdmin: boolean; mayAddPersonal: boolean }

async function callerFacts(tx: Queryable, tenantId: string): Promise<Facts> {
  const [row] = await tx.query<{ is_admin: boolean; may_add_personal: boolean }>(
    `select app_private.is_platform_admin() or app_private.caller_role($1) = 'admin' as is_admin,
            app_private.may_add_personal_advisor($1) as may_add_personal`,
    [tenantId],
  )
  return { isAdmin: row?.is_admin === true, mayAddPersonal: row?.may_add_personal === true }
}

function assertPersonalShape(input: AdvisorInput): void {
  const { visibility } = input
  const audience =
    visibility.all || (visibility.roles?.length ?? 0) + (visibility.groupIds?.length ?? 0) + (visibility.userIds?.length ?? 0) > 0
  if (input.collectionIds.length > 0 || audience) {
    throw new AppError(
      'bad_request',
      'A personal advisor answers from your own documents and is shared like them: give it no collectionIds and an empty visibility.',
    )
  }
}

async function readOne(tx: Queryable, tenantId: string, id: string): Promise<Advisor> {
  const [advisor] = isUuid(id) ? await selectAdvisors(tx, tenantId, id) : []
  if (!advisor) throw advisorNotFound()
  return advisor
}

export async function listAdvisors(caller: Acting, tenantId: string): Promise<AdvisorList> {
  return caller.run(async (tx) => ({
    advisors: await selectAdvisors(tx, tenantId),
    mayAddPersonal: (await callerFacts(tx, tenantId)).mayAddPersonal,
  }))
}

export async function getAdvisor(caller: Acting, tenantId: string, id: string): Promise<Advisor> {
  return caller.run((tx) => readOne(tx, tenantId, id))
}

export async function createAdvisor(caller: Acting, tenantId: string, input: AdvisorInput): Promise<Advisor> {
  return caller.run(async (tx) => {
    const facts = await callerFacts(tx, tenantId)
    const personal = input.personal ?? !facts.isAdmin
    if (personal) {
      if (!facts.mayAddPersonal) throw new AppError('forbidden', 'This organisation does not let members add advisors of their own.')
      assertPersonalShape(input)
    } else if (!facts.isAdmin) {
      throw new AppError('forbidden', "Only this tenant's admins can add its advisors.")
    }
    await checkReferences(tx, tenantId, input)
    const id = await writeAdvisor(tx, tenantId, input, null, personal)
    if (!personal) {
      await recordAudit(tx, {
        tenantId,
        action: 'advisor.create',
        targetType: 'advisor',
        targetId: id,
        after: { name: input.name },
        ip: caller.ip,
      })
    }
    return readOne(tx, tenantId, id)
  })
}

async function editable(tx: Queryable, tenantId: string, id: string): Promise<Advisor> {
  const advisor = await readOne(tx, tenantId, id)
  if (!advisor.mayEdit) throw new AppError('forbidden', 'Only those who keep this advisor can change it.')
  return advisor
}

export async function updateAdvisor(caller: Acting, tenantId: string, id: string, input: AdvisorInput): Promise<Advisor> {
  return caller.run(async (tx) => {
    const before = await editable(tx, tenantId, id)
    if (before.personal) assertPersonalShape(input)
    await checkReferences(tx, tenantId, input)
    await writeAdvisor(tx, tenantId, input, id, before.personal)
    if (!before.personal) {
      await recordAudit(tx, {
        tenantId,
        action: 'advisor.update',
        targetType: 'advisor',
        targetId: id,
        before: { name: before.name },
        after: { name: input.name },
        ip: caller.ip,
      })
    }
    return readOne(tx, tenantId, id)
  })
}

/** Its conversations stay, without an advisor; its shares go. */
export async function deleteAdvisor(caller: Acting, tenantId: string, id: string): Promise<void> {
  await caller.run(async (tx) => {
    const before = await editable(tx, tenantId, id)
    await tx.query('delete from public.tenant_advisors where tenant_id = $1 and id = $2', [tenantId, id])
    if (!before.personal) {
      await recordAudit(tx, {
        tenantId,
        action: 'advisor.delete',
        targetType: 'advisor',
        targetId: id,
        before: { name: before.name },
        ip: caller.ip,
      })
    }
  })
}
