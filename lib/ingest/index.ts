export { chunkText, type Chunk, type ChunkOptions } from './chunk'
export { extractText, type ExtractInput, type ExtractedDocument } from './extract'
export { DEFAULT_MAX_UPLOAD_BYTES, type DocumentFormat } from './file-types'
export { contentHash } from './hash'
