import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { createEmbeddingProvider, type AiConfig } from '@/lib/ai/providers'
import { config, type Config } from '@/lib/env'

// text-embedding-3-large is 3072 wide by default; the column holds 1536, and the model
// can shorten its own vectors without losing much, so it is asked to.
const SHORTENED_MODELS: Record<string, number> = { 'text-embedding-3-large': 1536 }

/** The AI part of the environment, in the shape lib/ai's factories take. */
export function aiConfigFrom(env: Config): AiConfig {
  return {
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseUrl: env.OPENAI_BASE_URL,
    openaiModel: env.OPENAI_MODEL,
    openaiEmbeddingModel: env.OPENAI_EMBEDDING_MODEL,
    embeddingDimensions: SHORTENED_MODELS[env.OPENAI_EMBEDDING_MODEL],
    openaiTimeoutMs: env.OPENAI_TIMEOUT_MS,
  }
}

let cached: { env: Config; provider: EmbeddingProvider } | undefined

/** The process's embedder: OpenAI-compatible when configured, the offline one otherwise. */
export function defaultEmbedder(): EmbeddingProvider {
  const env = config()
  // A test that resets the configuration gets a provider for the new one.
  if (cached?.env !== env) cached = { env, provider: createEmbeddingProvider(aiConfigFrom(env)) }
  return cached.provider
}
