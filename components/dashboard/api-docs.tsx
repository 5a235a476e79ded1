import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { PUBLIC_OPERATIONS } from '@/lib/contracts/openapi'

const EXAMPLE = (origin: string) => `import OpenAI from 'openai'

const client = new OpenAI({ apiKey: process.env.ORACLE_API_KEY, baseURL: '${origin}/api/v1' })
const answer = await client.chat.completions.create({
  model: 'default',
  messages: [{ role: 'user', content: 'When are you open?' }],
})
console.log(answer.choices[0].message.content)
console.log(answer.choices[0].message.sources) // the passages the answer cites as [n]`

/** The public API for a tenant admin: each route, what it needs, and an example with OpenAI's own client. */
export function ApiDocs({ origin }: { origin: string }) {
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Getting started"
          description="Any OpenAI client works: give it a key from the API keys page and this base URL."
        />
        <p className="mb-2 font-mono text-sm break-all text-stone-900">{origin}/api/v1</p>
        <pre className="overflow-x-auto rounded-lg bg-stone-900 p-3 text-sm text-stone-100">
          <code>{EXAMPLE(origin)}</code>
        </pre>
        <p className="mt-3 text-sm text-stone-700">
          Send the key as <code className="font-mono">Authorization: Bearer oak_…</code>. Each key makes up to 60 requests a minute; every
          answer counts against this organisation’s monthly limits. Errors look like{' '}
          <code className="font-mono">{'{ "error": { "code", "message", "type", "param" } }'}</code>. The machine-readable description is{' '}
          <a className="underline" href={`${origin}/api/v1/openapi.json`}>
            openapi.json
          </a>
          .
        </p>
      </Card>
      {PUBLIC_OPERATIONS.map((operation) => (
        <Card key={`${operation.method} ${operation.path}`}>
          <CardHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone="indigo">{operation.method.toUpperCase()}</Badge>
                <span className="font-mono">/api/v1{operation.path}</span>
              </span>
            }
            description={operation.summary}
          />
          <p className="text-sm text-stone-800">{operation.description}</p>
          <p className="mt-2 text-sm text-stone-600">
            {operation.scope ? (
              <>
                Needs a key with the <code className="font-mono">{operation.scope}</code> scope.
              </>
            ) : (
              'No key needed.'
            )}
          </p>
        </Card>
      ))}
    </div>
  )
}
