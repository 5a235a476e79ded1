/**
 * What cosine similarity means for one embedder. Models differ wildly: the offline hashed
 * vectors of two unrelated texts score about 0.05, while ada-002 scores unrelated English
 * text near 0.7. Retrieval maps a similarity to "closeness" in [0, 1] as
 * (similarity - floor) / (ceiling - floor), so one matchThreshold means the same for
 * every embedder: floor is about what unrelated texts score, ceiling what a passage that
 * answers a paraphrased question usually reaches.
 */
export type SimilarityCalibration = { floor: number; ceiling: number }

// local-hash-v1: measured on the bench:answers corpora (best chunk for questions the
// knowledge answers, 0.16-0.48; for questions it does not, 0.12-0.39). OpenAI's from
// their published score distributions.
const CALIBRATIONS: Record<string, SimilarityCalibration> = {
  'local-hash-v1': { floor: 0.15, ceiling: 0.45 },
  'text-embedding-3-small': { floor: 0.15, ceiling: 0.6 },
  'text-embedding-3-large': { floor: 0.15, ceiling: 0.6 },
  'text-embedding-ada-002': { floor: 0.72, ceiling: 0.88 },
}

/** For a model nobody has measured: modern sentence embedders mostly score unrelated text 0.1-0.2. */
const UNKNOWN_MODEL: SimilarityCalibration = { floor: 0.15, ceiling: 0.65 }

export function similarityCalibration(model: string): SimilarityCalibration {
  return CALIBRATIONS[model] ?? UNKNOWN_MODEL
}
