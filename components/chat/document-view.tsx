import Link from 'next/link'
import { formatDay } from '@/lib/client/format'
import { findPassage, markPassages } from '@/lib/client/passage-marks'
import type { ReadableDocument } from '@/lib/contracts/documents'
import { MarkedText } from './marked-text'

const SOURCE_NAMES: Record<ReadableDocument['sourceType'], string> = {
  text: 'Text',
  markdown: 'Markdown',
  pdf: 'PDF',
  docx: 'Word document',
}

/** Where the source dialog's link lands: the first cited passage. */
export const CITED_ANCHOR = 'cited-passage'

/** A whole document as its reader sees it: the full text, the passages the answer cited marked in it. */
export function DocumentView({ document, citedIds, chatHref }: { document: ReadableDocument; citedIds: string[]; chatHref: string }) {
  const cited = document.passages.filter((passage) => citedIds.includes(passage.id))
  // A passage whose text the extraction spaced differently than any search can bridge is still shown, above the text.
  const unplaced = cited.filter((passage) => findPassage(document.content, passage.content) === null)
  const segments = markPassages(
    document.content,
    cited.map((passage) => passage.content),
  )
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-6">
      <Link href={chatHref} className="text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900">
        ← Back to the chat
      </Link>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words text-stone-900">{document.title}</h1>
      <p className="mt-1 text-sm text-stone-600">
        {SOURCE_NAMES[document.sourceType]} · added {formatDay(document.createdAt)} · {document.passages.length}{' '}
        {document.passages.length === 1 ? 'passage' : 'passages'}
      </p>
      {cited.length > 0 ? (
        <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-stone-800">
          <p className="font-medium">
            {cited.length === 1 ? 'The cited passage is' : `The ${cited.length} cited passages are`} marked below.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {cited.map((passage) => (
              <li key={passage.id}>
                <a href={`#${CITED_ANCHOR}`} className="underline underline-offset-2">
                  {passage.headingPath.length > 0 ? passage.headingPath.join(' › ') : `Passage ${passage.index + 1}`}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unplaced.map((passage) => (
        <blockquote
          key={passage.id}
          aria-label="Cited passage"
          className="mt-4 rounded-lg border-l-4 border-amber-300 bg-stone-50 p-4 whitespace-pre-wrap text-stone-800"
        >
          {passage.content}
        </blockquote>
      ))}
      <article
        aria-label="Document text"
        className="mt-6 rounded-xl border border-stone-200 bg-white px-4 py-5 leading-relaxed break-words whitespace-pre-wrap text-stone-900 shadow-sm sm:px-6"
      >
        <MarkedText segments={segments} firstMarkId={CITED_ANCHOR} />
      </article>
    </div>
  )
}
