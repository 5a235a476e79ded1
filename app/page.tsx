export default function LandingPage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-4xl font-semibold tracking-tight">Elemental Oracle</h1>
      <p className="mt-4 text-lg text-stone-700">
        One engine, many tenants: each organisation gets an assistant grounded in its own knowledge and
        speaking in its own voice.
      </p>
    </main>
  )
}
