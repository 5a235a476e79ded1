import Link from 'next/link'

export const metadata = { title: 'Not found' }

/** Unknown pages, unknown tenants and unknown hosts all end here, with nothing that confirms what exists. */
export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-stone-900">This page does not exist</h1>
      <p className="mt-3 max-w-md text-stone-700">The address may be mistyped, or the page has moved.</p>
      <Link href="/" className="mt-6 font-medium text-indigo-700 underline underline-offset-2">
        Go to the home page
      </Link>
    </main>
  )
}
