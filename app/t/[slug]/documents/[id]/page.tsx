import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DocumentView } from '@/components/chat/document-view'
import { buttonClasses } from '@/components/ui/button'
import { isAppError } from '@/lib/errors'
import { callerFromSession } from '@/lib/multi-tenant/access'
import { readDocument } from '@/lib/multi-tenant/knowledge'
import type { ReadableDocument } from '@/lib/contracts/documents'
import { loadTenantContext, tenantHref, type TenantContext } from '../../_data/tenant-context'

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ passage?: string | string[] }> }

export const metadata = { title: 'Document' }

/** The document under the member's RLS; one they may not read (or a malformed id) is the 404 page. */
async function loadReadable(context: TenantContext, id: string): Promise<ReadableDocument> {
  try {
    return await readDocument(callerFromSession(context.session, context.tenant), context.tenant.id, id)
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound()
    throw error
  }
}

/**
 * A document the assistant cites (`/documents/<id>` on the tenant's host), in full, with
 * the passages named by `?passage=` marked. Members only: a visitor of a public tenant
 * gets passages as an answer's sources, not whole documents.
 */
export default async function DocumentPage({ params, searchParams }: Props) {
  const { slug, id } = await params
  const context = await loadTenantContext(slug)
  if (!context) notFound()
  const here = tenantHref(context, `/documents/${id}`)
  if (!context.session) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-12 text-center sm:py-20">
        <h1 className="text-2xl font-semibold text-stone-900">Sign in to read this document</h1>
        <p className="mt-3 text-stone-600">{context.tenant.name}’s documents are open to its members.</p>
        <Link href={`${tenantHref(context, '/login')}?next=${encodeURIComponent(here)}`} className={`${buttonClasses('primary')} mt-6`}>
          Sign in
        </Link>
      </div>
    )
  }
  if (!context.role && !context.session.isPlatformAdmin) notFound()
  const document = await loadReadable(context, id)
  const passage = (await searchParams).passage
  const cited = new Set(Array.isArray(passage) ? passage : passage ? [passage] : [])
  return <DocumentView document={document} citedIds={[...cited]} chatHref={tenantHref(context)} />
}
