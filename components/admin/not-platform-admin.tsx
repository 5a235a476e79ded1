import Link from 'next/link'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { buttonClasses } from '@/components/ui/button'

/** The console for someone signed in who is not a platform admin: who they are, and the ways out. */
export function NotPlatformAdmin({ email }: { email: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <section className="rounded-xl border border-amber-300 bg-amber-50 p-6 text-amber-950" aria-labelledby="not-admin-heading">
        <h1 id="not-admin-heading" className="text-lg font-semibold">
          The console is for platform admins
        </h1>
        <p className="mt-2 text-sm">
          You are signed in as <strong className="break-all">{email}</strong>, which is not a platform administrator. Tenant admins run
          their organisation from its own site, under Dashboard.
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <Link href="/" className={buttonClasses('primary', 'sm')}>
            Back to the home page
          </Link>
          <Link href="/account" className={buttonClasses('secondary', 'sm')}>
            Your account
          </Link>
          <SignOutButton next="/login" className="border border-amber-400" />
        </div>
        <p className="mt-3 text-xs">Sign out to sign in to the console with a platform admin account.</p>
      </section>
    </main>
  )
}
