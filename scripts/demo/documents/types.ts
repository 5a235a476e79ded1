import type { Element } from '@/lib/engine/elements'

/** One knowledge document of a demo tenant, in the shape `TenantKnowledgeBase.addKnowledge` takes. */
export type DemoDocument = {
  title: string
  category: string
  tags: string[]
  elemental_tags: Element[]
  content: string
}
