// The collections feature's public surface: a tenant's collections of knowledge.
export { addCollection, listCollections } from './collections'
