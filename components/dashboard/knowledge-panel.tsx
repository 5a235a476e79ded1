'use client'

import { useState } from 'react'
import { Card, CardHeader } from '@/components/ui/card'
import { ContentLanguageForm } from './content-language-form'
import { KnowledgeIndex } from './knowledge-index'
import { KnowledgeList } from './knowledge-list'
import { KnowledgeSearchBox } from './knowledge-search-box'
import { KnowledgeUploader } from './knowledge-uploader'

/**
 * Upload, search and list share one page; an upload, a deletion or a re-extraction bumps
 * the version, so the list, the index and the last search all read the knowledge again.
 */
type Props = { tenantId: string; slug: string; dashboardHref: string; maxMb: number; contentLanguage: string; contentLanguages: string[] }

export function KnowledgePanel({ tenantId, slug, dashboardHref, maxMb, contentLanguage, contentLanguages }: Props) {
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((value) => value + 1)
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Add documents" />
          <KnowledgeUploader tenantId={tenantId} maxMb={maxMb} onUploaded={changed} />
        </Card>
        <Card>
          <CardHeader title="Search your knowledge" description="What the assistant retrieves for a question, best match first." />
          <KnowledgeSearchBox slug={slug} version={version} documentHref={(id) => `${dashboardHref}/knowledge/${id}`} />
        </Card>
      </div>
      <Card>
        <CardHeader title="Documents" />
        <KnowledgeList
          tenantId={tenantId}
          version={version}
          onChanged={changed}
          documentHref={(id) => `${dashboardHref}/knowledge/${id}`}
        />
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
