import { chatCompletionRequestSchema, chatCompletionSchema } from '@/lib/contracts/v1'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { askerOf, completeChat, streamChat } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/**
 * OpenAI's chat completions (a key with `chat`), answered by the tenant's assistant:
 * `{ model?, messages, stream?, user?, max_tokens? }` -> a `chat.completion` whose message
 * carries `sources`, or with `stream: true` `chat.completion.chunk` events ending in
 * `data: [DONE]`, the last chunk carrying `usage` and `sources`. `user` with the
 * `X-User-Hash` header asks for a verified end user of the tenant's site.
 */
export const POST = keyRoute({ scope: 'chat', body: chatCompletionRequestSchema }, async ({ caller, body, request }) => {
  const asker = await askerOf(caller, body.user, request.headers)
  return body.stream
    ? streamChat(caller, asker, body, request.signal)
    : contractJson(chatCompletionSchema, await completeChat(caller, asker, body, request.signal))
})
