'use client'

import Link from 'next/link'
import { useEffect, useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { knowledgeSearchResponseSchema, type SearchResult } from '@/lib/contracts/knowledge'

type Props = { slug: string; version: number; documentHref: (id: string) => string }

type Answer = { key: string; results: SearchResult[] | null; error: string | null }

/**
 * Runs the same retrieval the assistant uses and shows what it would find, with scores.
 * The last search runs again whenever the knowledge changes (`version`), so a deleted
 * document leaves the results and a new one joins them.
 */
export function KnowledgeSearchBox({ slug, version, documentHref }: Props) {
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState<{ text: string; nonce: number } | null>(null)
  const [answer, setAnswer] = useState<Answer>({ key: '', results: null, error: null })
  const key = query ? `${query.text}#${query.nonce}#${version}` : ''

  useEffect(() => {
    if (!query) return
    let current = true
    apiFetch(`/api/tenant/${encodeURIComponent(slug)}/knowledge/search`, knowledgeSearchResponseSchema, {
      method: 'POST',
      json: { query: query.text, limit: 5 },
    }).then(
      (body) => current && setAnswer({ key, results: body.results, error: null }),
      (cause: unknown) => current && setAnswer((previous) => ({ key, results: previous.results, error: errorMessage(cause) })),
    )
    return () => {
      current = false
    }
  }, [slug, query, key])

  function search(event: FormEvent) {
    event.preventDefault()
    const text = draft.trim()
    if (text) setQuery((previous) => ({ text, nonce: (previous?.nonce ?? 0) + 1 }))
  }

  const { results, error } = answer
  return (
    <div className="space-y-3">
      <form onSubmit={search} role="search" className="flex items-end gap-2">
        <TextField
          label="Try a search"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          wrapperClassName="flex-1"
          placeholder="A question your visitors might ask"
        />
        <Button type="submit" variant="secondary" busy={query !== null && answer.key !== key}>
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
                <Link
                  href={documentHref(result.knowledgeId)}
                  className="min-w-0 font-medium break-words text-indigo-800 underline-offset-2 hover:underline"
                >
                  {result.title}
                </Link>
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
