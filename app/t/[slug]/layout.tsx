import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { TenantHeader } from '@/components/tenant/tenant-header'
import { Alert } from '@/components/ui/alert'
import { loadTenantContext, tenantHref } from './_data/tenant-context'
import { possessive } from '@/lib/client/format'

type Props = { children: ReactNode; params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const context = await loadTenantContext((await params).slug)
  // The tenant's own name, not the platform's, titles every page of its site.
  return context ? { title: { absolute: context.tenant.name, template: `%s · ${context.tenant.name}` } } : {}
}

export default async function TenantLayout({ children, params }: Props) {
  const context = await loadTenantContext((await params).slug)
  if (!context) notFound()
  const { tenant, session, adminView } = context
  const links = [{ href: tenantHref(context), label: 'Chat' }]
  if (adminView) links.push({ href: tenantHref(context, '/dashboard'), label: 'Dashboard' })
  if (session && context.role) links.push({ href: tenantHref(context, '/my-documents'), label: 'My documents' })
  if (session) links.push({ href: tenantHref(context, '/account'), label: 'Account' })
  return (
    <div className="flex min-h-screen flex-col">
      <TenantHeader
        name={tenant.name}
        element={context.branding.element}
        home={tenantHref(context)}
        links={links}
        email={session?.email ?? null}
        signInHref={tenantHref(context, '/login')}
        signUpHref={tenantHref(context, '/signup')}
      />
      {!tenant.serving ? (
        <div className="mx-auto w-full max-w-6xl px-3 pt-4 sm:px-6">
          <Alert tone="warning" title={`${possessive(tenant.name)} assistant is paused`}>
            It is not answering questions at the moment ({tenant.status === 'trial' ? 'the trial has ended' : tenant.status}). Please check
            back later.
          </Alert>
        </div>
      ) : null}
      {session?.twoFactorNeeded === 'tenant' ? (
        <div className="mx-auto w-full max-w-6xl px-3 pt-4 sm:px-6">
          <Alert tone="warning" title="Turn on two-factor sign-in to continue">
            {tenant.name} requires its members to sign in with a second factor. Set it up on{' '}
            <Link href={tenantHref(context, '/account')} className="underline underline-offset-2">
              your account page
            </Link>
            ; then everything here is open to you again.
          </Alert>
        </div>
      ) : null}
      <main id="main" className="flex flex-1 flex-col">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-600">Powered by Elemental Oracle</footer>
    </div>
  )
}
