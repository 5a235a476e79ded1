/** Opening questions on the empty chat; choosing one asks it. */
export function SuggestedQuestions({ questions, onAsk }: { questions: string[]; onAsk: (question: string) => void }) {
  if (questions.length === 0) return null
  return (
    <div className="mt-6">
      <h2 className="text-sm font-medium text-stone-600">Suggested questions</h2>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {questions.map((question) => (
          <li key={question}>
            <button
              type="button"
              onClick={() => onAsk(question)}
              className="h-full w-full rounded-xl border border-stone-200 bg-stone-50 px-3 py-2 text-left text-sm text-stone-800 hover:border-indigo-300 hover:bg-indigo-50"
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
