import type { ChatProvider } from '@/lib/ai/chat'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { createChatProvider } from '@/lib/ai/providers'
import { config, type Config } from '@/lib/env'
import { aiConfigFrom, defaultEmbedder } from './env-config'

export type AiProviders = { chat: ChatProvider; embedder: EmbeddingProvider }

// One chat provider per configuration: the SDK client keeps its connection pool between requests.
let cached: { env: Config; chat: ChatProvider } | undefined

/** The chat provider the environment names (OpenAI-compatible, or offline) and the knowledge base's embedder. */
export function aiProviders(): AiProviders {
  const env = config()
  if (cached?.env !== env) cached = { env, chat: createChatProvider(aiConfigFrom(env)) }
  return { chat: cached.chat, embedder: defaultEmbedder() }
}
