import type { ChatProvider } from './chat'
import type { EmbeddingProvider } from './embeddings'
import { LocalChat } from './offline/chat'
import { LocalEmbedder } from './offline/embedder'
import { OpenAIChat } from './openai/chat'
import { OpenAIEmbedder } from './openai/embedder'

export type AiConfig = {
  openaiApiKey?: string
  openaiBaseUrl?: string
  openaiModel: string
  openaiEmbeddingModel: string
  embeddingDimensions?: number
  openaiTimeoutMs?: number
}

// Local servers (Ollama, LM Studio) ignore the key, but the SDK insists on one.
const KEYLESS_PLACEHOLDER = 'no-key-needed'

function usesOpenAI(config: AiConfig): boolean {
  return Boolean(config.openaiApiKey || config.openaiBaseUrl)
}

function connection(config: AiConfig) {
  return {
    apiKey: config.openaiApiKey || KEYLESS_PLACEHOLDER,
    baseURL: config.openaiBaseUrl,
    timeoutMs: config.openaiTimeoutMs,
  }
}

/** An OpenAI-compatible embedder when a key or base URL is set; the offline one otherwise. */
export function createEmbeddingProvider(config: AiConfig): EmbeddingProvider {
  if (!usesOpenAI(config)) return new LocalEmbedder()
  return new OpenAIEmbedder({
    ...connection(config),
    model: config.openaiEmbeddingModel,
    dimensions: config.embeddingDimensions,
  })
}

/** An OpenAI-compatible chat model when a key or base URL is set; the offline one otherwise. */
export function createChatProvider(config: AiConfig): ChatProvider {
  if (!usesOpenAI(config)) return new LocalChat()
  return new OpenAIChat({ ...connection(config), model: config.openaiModel })
}
