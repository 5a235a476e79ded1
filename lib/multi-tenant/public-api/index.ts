// The public API's feature surface (/api/v1, OpenAI-compatible): models, chat completions and knowledge search for a tenant API key.
export { completeChat, streamChat } from './completions'
export { askerOf, type Asker } from './end-user'
export { addKnowledgeAsKey } from './knowledge'
export { listModels } from './models'
export { usageAsKey } from './usage'
export { searchAsKey } from './search'
