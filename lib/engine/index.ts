export * from './elements'
export * from './facets'
export * from './voice'
export { detectElement, detectPhase, phaseForDepth } from './detect'
export type { Detection, DetectOptions, TurnReading } from './detect'
export {
  buildClassificationPrompt,
  classifyWithFallback,
  llmClassificationSchema,
  parseClassification,
} from './classify'
export type { Classifier, ClassifyOptions, LlmClassification, SourcedDetection } from './classify'
export { assemblePrompt } from './prompt'
export type { AssembledPrompt, ChatTurn, PromptInput, PromptMessage } from './prompt'
export { neutraliseDelimiters, renderKnowledgeBlock } from './knowledge-block'
export type { KnowledgeDocument } from './knowledge-block'
