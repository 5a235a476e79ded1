import type { ChatProvider } from '@/lib/ai/chat'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { createChatProvider, createEmbeddingProvider, type AiConfig } from '@/lib/ai/providers'
import { config, type Config } from '@/lib/env'

export type AiProviders = { chat: ChatProvider; embedder: EmbeddingProvider }

function aiConfig(env: Config): AiConfig {
  return {
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseUrl: env.OPENAI_BASE_URL,
    openaiModel: env.OPENAI_MODEL,
    openaiEmbeddingModel: env.OPENAI_EMBEDDING_MODEL,
    openaiTimeoutMs: env.OPENAI_TIMEOUT_MS,
  }
}

// One pair per configuration: the SDK client keeps its connection pool between requests.
let cached: { env: Config; providers: AiProviders } | undefined

/** The chat and embedding providers the environment names (OpenAI-compatible, or offline). */
export function aiProviders(): AiProviders {
  const env = config()
  if (cached?.env !== env) {
    const settings = aiConfig(env)
    cached = { env, providers: { chat: createChatProvider(settings), embedder: createEmbeddingProvider(settings) } }
  }
  return cached.providers
}
