import type OpenAI from 'openai'
import { AppError } from '@/lib/errors'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { createOpenAIClient, serviceUnavailable, type OpenAIConnection } from './client'

export type OpenAIEmbedderOptions = OpenAIConnection & {
  model: string
  /** Asks the model for shorter vectors (text-embedding-3-*); sent only when set. */
  dimensions?: number
  /** Texts per request; OpenAI accepts up to 2048, compatible servers often fewer. */
  batchSize?: number
}

// Widths of OpenAI's own models at their default size.
const KNOWN_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
}

const DEFAULT_BATCH_SIZE = 96

export class OpenAIEmbedder implements EmbeddingProvider {
  readonly model: string
  private readonly client: OpenAI
  private readonly apiKey: string
  private readonly requestedDimensions: number | undefined
  private readonly batchSize: number
  private knownDimensions: number | undefined

  constructor(options: OpenAIEmbedderOptions) {
    this.client = createOpenAIClient(options)
    this.apiKey = options.apiKey
    this.model = options.model
    this.requestedDimensions = options.dimensions
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
    this.knownDimensions = options.dimensions ?? KNOWN_DIMENSIONS[options.model]
  }

  /**
   * The vector width. For a model this class does not know (say, one served by
   * Ollama) and no configured `dimensions`, it is 0 until the first answer.
   */
  get dimensions(): number {
    return this.knownDimensions ?? 0
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = []
    for (let start = 0; start < texts.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + this.batchSize))))
    }
    return vectors
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    let response: OpenAI.Embeddings.CreateEmbeddingResponse
    try {
      response = await this.client.embeddings.create({
        model: this.model,
        input: texts,
        // Floats, not the SDK's default base64: not every compatible server speaks base64.
        encoding_format: 'float',
        ...(this.requestedDimensions === undefined ? {} : { dimensions: this.requestedDimensions }),
      })
    } catch (error) {
      throw serviceUnavailable(error, 'embedding', this.apiKey)
    }
    const byIndex = [...response.data].sort((a, b) => a.index - b.index)
    if (byIndex.length !== texts.length) {
      throw new AppError('unavailable', 'The embedding service answered with the wrong number of vectors.')
    }
    return byIndex.map((item) => this.checkedWidth(item.embedding))
  }

  private checkedWidth(vector: number[]): number[] {
    this.knownDimensions ??= vector.length
    if (vector.length !== this.knownDimensions) {
      throw new AppError(
        'unavailable',
        `The embedding service returned ${vector.length} dimensions where ${this.knownDimensions} were expected.`,
      )
    }
    return vector
  }
}
