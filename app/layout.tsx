import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import type { ReactNode } from 'react'
import { savedThemeChoice } from '@/lib/saved-theme'
import { themeAttribute } from '@/lib/theme-preference'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Elemental Oracle', template: '%s · Elemental Oracle' },
  description: 'One engine, many tenants: grounded AI assistants in each organisation’s own voice.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/**
 * Every page renders per request: the proxy's CSP carries a fresh nonce that Next.js puts
 * on its scripts, and a page prerendered at build time would carry none and not run.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection()
  const theme = themeAttribute(await savedThemeChoice())
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  )
}
