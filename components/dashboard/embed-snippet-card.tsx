'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { copyText } from '@/lib/client/clipboard'

/** The script tag to paste into the tenant's own pages, with the platform's real address. */
export function EmbedSnippetCard({ platformUrl, slug }: { platformUrl: string; slug: string }) {
  const [notice, setNotice] = useState<string | null>(null)
  const snippet = `<script src="${platformUrl}/widget.js" data-tenant="${slug}"></script>`
  const verified = `<script src="${platformUrl}/widget.js" data-tenant="${slug}"
        data-user-id="<your user's id>" data-user-hash="<HMAC-SHA256 of the id, in hex>"></script>`
  return (
    <Card>
      <CardHeader
        title="Snippet"
        description="Paste it into any page of an allowed site: a button opens the assistant in a chat panel, with your branding and sources."
      />
      <pre className="overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-100">
        <code data-testid="embed-snippet">{snippet}</code>
      </pre>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void copyText(snippet).then((ok) => setNotice(ok ? 'Copied.' : 'Copying failed.'))}
        >
          Copy snippet
        </Button>
        {notice ? <span className="text-sm text-stone-700">{notice}</span> : null}
      </div>
      <p className="mt-4 text-sm text-stone-700">
        For your signed-in users, add their id and its hash made with the identity secret (on the API keys page), so their conversations are
        kept for them; a wrong hash is refused in the widget.
      </p>
      <pre className="mt-2 overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-100">
        <code>{verified}</code>
      </pre>
      <Alert tone="info" className="mt-4">
        The widget sets no cookies on your site and needs none of its own: it works in browsers that block third-party cookies.
      </Alert>
    </Card>
  )
}
