import Markdown, { type Components, type ExtraProps } from 'react-markdown'
import rehypeHighlight from 'rehype-highlight'
import remarkGfm from 'remark-gfm'
import { markdownUrlTransform } from '@/lib/client/safe-url'
import { CodeBlock } from './code-block'
import './code-highlight.css'

/*
 * Answers and document passages are untrusted text. No rehype-raw: raw HTML in the
 * Markdown is shown as text, never parsed; links keep only web and mail schemes; images
 * become their alt text so an answer cannot load third-party pixels. Highlighting adds
 * class names to spans of the code's own text (rehype-highlight works on the syntax
 * tree), so it cannot bring markup back in.
 */

/** The language a fenced block names (```ts), from the class rehype-highlight keeps on its code element. */
function languageOf(node: ExtraProps['node']): string | null {
  const code = node?.children.find((child) => child.type === 'element' && child.tagName === 'code')
  const classes = code?.type === 'element' ? code.properties.className : undefined
  const names = Array.isArray(classes) ? classes.map(String) : []
  const language = names.find((name) => name.startsWith('language-'))
  return language ? language.slice('language-'.length) : null
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
      >
        {children}
      </a>
    ) : (
      <span className="underline decoration-dotted">{children}</span>
    ),
  img: ({ alt }) => <span className="text-stone-600 italic">[image{alt ? `: ${alt}` : ''}]</span>,
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="min-w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">{children}</th>,
  td: ({ children }) => <td className="border border-stone-300 px-2 py-1">{children}</td>,
  code: ({ className, children }) => <code className={`font-mono text-[0.9em] ${className ?? ''}`}>{children}</code>,
  pre: ({ node, children }) => <CodeBlock language={languageOf(node)}>{children}</CodeBlock>,
}

// Tailwind resets element styles; these restore readable prose spacing inside answers.
const prose =
  'break-words leading-relaxed [&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-stone-100 [&_:not(pre)>code]:px-1 [&_:not(pre)>code]:py-0.5 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700 [&_h1]:mt-3 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold [&_li]:my-0.5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-2 [&_p:first-child]:mt-0 [&_p:last-child]:mb-0 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-5'

// Only blocks that name their language are highlighted: guessing one for every block costs time on each streamed token.
const rehypePlugins = [[rehypeHighlight, { detect: false }]] satisfies Parameters<typeof Markdown>[0]['rehypePlugins']

export function SafeMarkdown({ text, className = '' }: { text: string; className?: string }) {
  return (
    <div className={`${prose} ${className}`}>
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} urlTransform={markdownUrlTransform} components={components}>
        {text}
      </Markdown>
    </div>
  )
}
