'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

/** Section tabs; the current one is marked for screen readers with aria-current. */
export function DashboardNav({
  items,
  label,
  className = 'mb-6 border-b border-stone-200',
}: {
  items: { href: string; label: string }[]
  label: string
  className?: string
}) {
  const pathname = usePathname()
  const current = [...items]
    .sort((a, b) => b.href.length - a.href.length)
    .find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
  return (
    <nav aria-label={label} className={`-mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0 ${className}`}>
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const active = item.href === current?.href
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-indigo-700 text-indigo-800' : 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900'}`}
              >
                {item.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
