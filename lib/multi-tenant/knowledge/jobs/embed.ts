import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { AppError } from '@/lib/errors'
import { embedAll } from '../prepare'
import type { JobContext } from './context'

// The offline embedder is CPU work: it runs in the ingest workers, in batches that keep
// each task short. A remote embedder is I/O and is called from here.
const LOCAL_BATCH = 256
const REMOTE_BATCH = 96

/** pgvector text per text (null for one without words), in order; `onBatch` after each batch with the share done. */
export async function embedTexts(
  context: JobContext,
  texts: string[],
  onBatch: (share: number) => Promise<void>,
): Promise<(string | null)[]> {
  const local = context.embedder instanceof LocalEmbedder
  const size = local ? LOCAL_BATCH : REMOTE_BATCH
  const vectors: (string | null)[] = []
  for (let start = 0; start < texts.length; start += size) {
    const batch = texts.slice(start, start + size)
    if (local) {
      const embedded = await context.pool.run({ type: 'embed', texts: batch })
      if (embedded.model !== context.embedder.model)
        throw new AppError('internal', `The ingest worker embeds with ${embedded.model}, not ${context.embedder.model}.`)
      vectors.push(...embedded.vectors)
    } else {
      vectors.push(...(await embedAll(context.embedder, batch)))
    }
    await onBatch(vectors.length / texts.length)
  }
  return vectors
}
