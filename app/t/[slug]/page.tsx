import { TenantChat } from './_chat/tenant-chat'

type Props = { params: Promise<{ slug: string }> }

export default async function TenantChatPage({ params }: Props) {
  return <TenantChat slug={(await params).slug} conversationId={null} />
}
