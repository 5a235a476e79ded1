import Link from 'next/link'
import { connection } from 'next/server'
import { DemoTenantList } from '@/components/landing/demo-tenant-list'
import { ElementStrip } from '@/components/landing/element-strip'
import { buttonClasses } from '@/components/ui/button'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { seededDemoTenants } from './(platform)/_data/demo-tenants'
import { tenantSiteUrl } from './(platform)/_data/site-url'

const FEATURES = [
  {
    title: 'One engine',
    text: 'Every assistant reads a conversation through five elements and three phases, and shapes its answer to meet the person where they are.',
  },
  {
    title: 'Your knowledge',
    text: 'Each organisation uploads its own documents. Answers are grounded in them, cite their sources, and never see another tenant’s data.',
  },
  {
    title: 'Your voice',
    text: 'Tone, style, specialties and boundaries are set by each organisation, on its own address, under its own name.',
  },
]

export default async function LandingPage() {
  // The demo list reads the database, so this page is rendered per request, never at build time.
  await connection()
  const demos = await Promise.all(
    (await seededDemoTenants()).map(async (tenant) => ({ ...tenant, siteUrl: await tenantSiteUrl(tenant.slug) })),
  )
  return (
    <main id="main">
      <section className="border-b border-stone-200 bg-white">
        <div className="relative mx-auto max-w-5xl px-4 py-16 sm:px-6 sm:py-24">
          <ThemeToggle className="absolute top-3 right-3" />
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">Elemental Oracle</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-stone-900 sm:text-5xl">
            Grounded AI assistants, one for each organisation.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-stone-700">
            One engine, many tenants: each organisation gets an assistant that answers from its own knowledge, in its own voice, on its own
            address, with every source one click away.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {demos.length > 0 ? (
              <a href="#demos" className={buttonClasses('primary')}>
                Try a demo
              </a>
            ) : null}
            <Link href="/login" className={buttonClasses(demos.length > 0 ? 'secondary' : 'primary')}>
              Platform console
            </Link>
          </div>
        </div>
      </section>

      <section aria-labelledby="how" className="mx-auto max-w-5xl px-4 py-14 sm:px-6">
        <h2 id="how" className="text-2xl font-semibold tracking-tight text-stone-900">
          How it works
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <h3 className="font-semibold text-stone-900">{feature.title}</h3>
              <p className="mt-2 text-stone-700">{feature.text}</p>
            </li>
          ))}
        </ul>
        <h3 className="mt-12 mb-4 text-lg font-semibold text-stone-900">The five elements</h3>
        <ElementStrip />
      </section>

      <section id="demos" aria-labelledby="demos-heading" className="border-t border-stone-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-14 sm:px-6">
          <h2 id="demos-heading" className="text-2xl font-semibold tracking-tight text-stone-900">
            Demo organisations
          </h2>
          {demos.length > 0 ? (
            <>
              <p className="mt-2 text-stone-700">A law firm, a wellness coach and a tech startup, each with its own knowledge and voice.</p>
              <div className="mt-6">
                <DemoTenantList tenants={demos} />
              </div>
            </>
          ) : (
            <p className="mt-2 text-stone-700">
              No demo organisations here yet. Run{' '}
              <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-sm">npm run seed:demo</code> to create three, with
              knowledge and demo accounts.
            </p>
          )}
        </div>
      </section>

      <footer className="py-8 text-center text-sm text-stone-600">
        Elemental Oracle · multi-tenant assistants with row-level isolation
      </footer>
    </main>
  )
}
