// Minimal typings for the two wink packages the BM25 baseline uses (they ship none).
declare module 'wink-bm25-text-search' {
  type PrepTask = (input: never) => unknown
  type Engine = {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number } }): boolean
    definePrepTasks(tasks: PrepTask[], field?: string): number
    addDoc(doc: Record<string, string>, id: string | number): number
    consolidate(fp?: number): boolean
    search(text: string, limit?: number): [string | number, number][]
  }
  export default function bm25(): Engine
}

declare module 'wink-nlp-utils' {
  const nlp: {
    string: {
      lowerCase(text: string): string
      tokenize0(text: string): string[]
    }
    tokens: {
      removeWords(tokens: string[]): string[]
      stem(tokens: string[]): string[]
      propagateNegations(tokens: string[]): string[]
    }
  }
  export default nlp
}
