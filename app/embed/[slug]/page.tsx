import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { WidgetChat } from '@/components/widget/widget-chat'
import { isNormalOrigin } from '@/lib/contracts/widget-origin'
import { resolveTenantBySlug } from '@/lib/multi-tenant/tenants'
import { embeddingOrigins } from '@/lib/multi-tenant/widget'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ origin?: string | string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tenant = await resolveTenantBySlug((await params).slug)
  return tenant ? { title: { absolute: `${tenant.name} assistant` }, robots: { index: false } } : {}
}

/**
 * The widget's page, inside the frame widget.js opens on an allowed site: the chat and
 * nothing else. Who may frame it is the proxy's frame-ancestors; the page also speaks only
 * to the embedding origin it was opened for, and only when that origin is on the list.
 */
export default async function EmbedPage({ params, searchParams }: Props) {
  const tenant = await resolveTenantBySlug((await params).slug)
  if (!tenant) notFound()
  const origin = (await searchParams).origin
  const parentOrigin = typeof origin === 'string' && isNormalOrigin(origin) ? origin : null
  const allowed = parentOrigin !== null && (await embeddingOrigins(tenant.id)).includes(parentOrigin)
  return (
    <main className="flex h-screen flex-col bg-white text-stone-900">
      {allowed && parentOrigin ? (
        <WidgetChat slug={tenant.slug} tenantName={tenant.name} parentOrigin={parentOrigin} />
      ) : (
        <p role="alert" className="p-5 text-sm">
          {tenant.name}’s assistant can be embedded only by the sites its admins allow.
        </p>
      )}
    </main>
  )
}
