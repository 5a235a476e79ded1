import { TenantChat } from '../../_chat/tenant-chat'

type Props = { params: Promise<{ slug: string; id: string }> }

/** One of the member's own conversations (`/c/<id>` on the tenant's host): reopened as it was left. */
export default async function ConversationPage({ params }: Props) {
  const { slug, id } = await params
  return <TenantChat slug={slug} conversationId={id} />
}
