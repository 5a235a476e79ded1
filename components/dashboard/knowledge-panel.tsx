'use client'

import { useState } from 'react'
import { Card, CardHeader } from '@/components/ui/card'
import { ContentLanguageForm } from './content-language-form'
import { KnowledgeIndex } from './knowledge-index'
import { KnowledgeList } from './knowledge-list'
import { KnowledgeSearchBox } from './knowledge-search-box'
import { KnowledgeUploader } from './knowledge-uploader'

/** Upload, search and list share one page; an upload bumps the list's version so it reloads. */
type Props = { tenantId: string; slug: string; maxMb: number; contentLanguage: string; contentLanguages: string[] }

export function KnowledgePanel({ tenantId, slug, maxMb, contentLanguage, contentLanguages }: Props) {
  const [version, setVersion] = useState(0)
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Add documents" />
          <KnowledgeUploader tenantId={tenantId} maxMb={maxMb} onUploaded={() => setVersion((value) => value + 1)} />
        </Card>
        <Card>
          <CardHeader title="Search your knowledge" description="What the assistant retrieves for a question, best match first." />
          <KnowledgeSearchBox slug={slug} />
        </Card>
      </div>
      <Card>
        <CardHeader title="Documents" />
        <KnowledgeList tenantId={tenantId} version={version} />
      </Card>
      <Card>
        <CardHeader
          title="Search index"
          description="Passages are embedded by the configured model; after a change of model they are re-embedded in the background."
        />
        <KnowledgeIndex tenantId={tenantId} version={version} />
        <div className="mt-4 border-t border-stone-200 pt-4">
          <ContentLanguageForm tenantId={tenantId} initial={contentLanguage} languages={contentLanguages} />
        </div>
      </Card>
    </div>
  )
}
