import { chatCompletionRequestSchema, chatCompletionSchema } from '@/lib/contracts/v1'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { completeChat, streamChat } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/**
 * OpenAI's chat completions (a key with `chat`), answered by the tenant's assistant:
 * `{ model?, messages, stream?, user?, max_tokens? }` -> a `chat.completion` whose message
 * carries `sources`, or with `stream: true` `chat.completion.chunk` events ending in
 * `data: [DONE]`, the last chunk carrying `usage` and `sources`.
 */
export const POST = keyRoute({ scope: 'chat', body: chatCompletionRequestSchema }, async ({ caller, body, request }) =>
  body.stream
    ? streamChat(caller, body, request.signal)
    : contractJson(chatCompletionSchema, await completeChat(caller, body, request.signal)),
)
