// The personal knowledge feature's public surface: a member's own documents.
export { listMyDocuments, readMyDocument, removeMyDocument } from './documents'
export { addMyDocument, uploadMyDocuments } from './upload'
