export { enqueueStaleReindexes, indexCounts, type IndexCounts } from './index-state'
export { jobEventStream } from './job-events'
export { startJobRunner, wakeJobRunner } from './process-runner'
export { JobRunner, retryDelaySeconds } from './runner'
export {
  downloadOriginal,
  getKnowledgeDetails,
  getKnowledgeJob,
  knowledgeIndexState,
  listKnowledgeJobs,
  requestReextract,
  requestReindex,
  uploadFiles,
} from './service'
