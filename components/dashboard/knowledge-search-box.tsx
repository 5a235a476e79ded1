'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { knowledgeSearchResponseSchema, type SearchResult } from '@/lib/contracts/knowledge'

/** Runs the same retrieval the assistant uses and shows what it would find, with scores. */
export function KnowledgeSearchBox({ slug }: { slug: string }) {
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<SearchResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function search(event: FormEvent) {
    event.preventDefault()
    if (!query.trim()) return
    setBusy(true)
    setError(null)
    try {
      const body = await apiFetch(`/api/tenant/${encodeURIComponent(slug)}/knowledge/search`, knowledgeSearchResponseSchema, {
        method: 'POST',
        json: { query, limit: 5 },
      })
      setResults(body.results)
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={search} role="search" className="flex items-end gap-2">
        <TextField
          label="Try a search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          wrapperClassName="flex-1"
          placeholder="A question your visitors might ask"
        />
        <Button type="submit" variant="secondary" busy={busy}>
          Search
        </Button>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {results && results.length === 0 ? (
        <p className="text-sm text-stone-600">Nothing relevant found: the assistant would say so.</p>
      ) : null}
      {results && results.length > 0 ? (
        <ol className="space-y-2" aria-label="Search results">
          {results.map((result, index) => (
            <li key={`${result.id}-${index}`} className="rounded-lg border border-stone-200 bg-white p-3">
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-medium text-stone-900">{result.title}</span>
                <span className="shrink-0 font-mono text-xs text-stone-700">score {result.score.toFixed(3)}</span>
              </div>
              <p className="mt-1 line-clamp-3 text-sm text-stone-700">{result.snippet}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
