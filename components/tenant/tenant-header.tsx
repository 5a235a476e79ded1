import Link from 'next/link'
import { SignOutButton } from '@/components/auth/sign-out-button'
import { ThemeToggle } from '@/components/ui/theme-toggle'

const markColours: Record<string, string> = { fire: 'bg-fire', water: 'bg-water', earth: 'bg-earth', air: 'bg-air', aether: 'bg-aether' }

type Props = {
  name: string
  element: string
  home: string
  links: { href: string; label: string }[]
  email: string | null
  signInHref: string
  signUpHref: string
}

/** The tenant's own masthead: its name and elemental colour, never the platform's brand. */
export function TenantHeader({ name, element, home, links, email, signInHref, signUpHref }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className={`h-1 ${markColours[element] ?? 'bg-aether'}`} aria-hidden />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 py-3 sm:px-6">
        <Link href={home} className="flex min-w-0 items-center gap-2.5 rounded-md">
          <span
            aria-hidden
            className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold text-on-accent ${markColours[element] ?? 'bg-aether'}`}
          >
            {name.charAt(0).toUpperCase()}
          </span>
          <span className="truncate text-lg font-semibold text-stone-900">{name}</span>
        </Link>
        <nav aria-label="Site" className="flex flex-wrap items-center gap-1 text-sm">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="rounded-md px-2 py-1 font-medium text-stone-700 hover:bg-stone-200/70 hover:text-stone-900"
            >
              {link.label}
            </Link>
          ))}
          {email ? (
            <>
              <span className="hidden max-w-[14rem] truncate px-2 text-stone-600 sm:inline" title={email}>
                {email}
              </span>
              <SignOutButton next={home} />
            </>
          ) : (
            <>
              <Link
                href={signInHref}
                className="rounded-md px-2 py-1 font-medium text-stone-700 hover:bg-stone-200/70 hover:text-stone-900"
              >
                Sign in
              </Link>
              <Link href={signUpHref} className="rounded-lg bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800">
                Sign up
              </Link>
            </>
          )}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  )
}
