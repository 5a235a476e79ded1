// The knowledge feature's public surface: the admin routes' work, members' search and reading, and the schemas of their bodies.
export {
  addDocument,
  addDocumentAsKey,
  addPersonalDocument,
  authorizeKnowledgeAdmin,
  deleteKnowledge,
  duplicateError,
  listKnowledge,
  uploadLimitBytes,
  type StoredDocument,
} from './admin'
export {
  downloadOriginal,
  enqueueStaleReindexes,
  getKnowledgeDetails,
  getKnowledgeJob,
  indexCounts,
  jobEventStream,
  JobRunner,
  knowledgeIndexState,
  listKnowledgeJobs,
  requestReextract,
  requestReindex,
  startJobRunner,
  uploadFiles,
} from './jobs'
export { ensureReindexJob } from './jobs/job-store'
export { searchAsMember } from './member-search'
export { embedAll } from './prepare'
export { readDocument, readPassage } from './reader'
export { questionsFrom, suggestedQuestions } from './suggestions'
export { ANSWER_RELEVANCE, FIRM_RELEVANCE } from './schema'
export { EXACT_SEARCH_MAX_CHUNKS, FAR_SIMILARITY } from './search'
export { readUploadForm } from './upload'
export { placeDocument } from './placement'
export { sourceOrigins } from './origins'
