import { describe, expect, it } from 'vitest'
import { LocalChat } from '@/lib/ai/offline/chat'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { OpenAIChat } from '@/lib/ai/openai/chat'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { createChatProvider, createEmbeddingProvider } from '@/lib/ai/providers'

describe('provider selection', () => {
  const base = { openaiModel: 'gpt-4o-mini', openaiEmbeddingModel: 'text-embedding-3-small' }

  it('chooses the offline providers when neither key nor base URL is set', () => {
    expect(createChatProvider(base)).toBeInstanceOf(LocalChat)
    expect(createEmbeddingProvider(base)).toBeInstanceOf(LocalEmbedder)
  })

  it('chooses the OpenAI providers when a key is set', () => {
    const config = { ...base, openaiApiKey: 'sk-test' }
    expect(createChatProvider(config)).toBeInstanceOf(OpenAIChat)
    expect(createEmbeddingProvider(config)).toBeInstanceOf(OpenAIEmbedder)
  })

  it('chooses the OpenAI providers for a keyless compatible server', () => {
    const config = { ...base, openaiBaseUrl: 'http://127.0.0.1:11434/v1', embeddingDimensions: 768 }
    expect(createChatProvider(config).offline).toBe(false)
    expect(createEmbeddingProvider(config).dimensions).toBe(768)
  })
})
