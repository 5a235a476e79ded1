// The feedback feature's public surface: tenant admins' review of the answers their members rated.
export { reviewFeedback } from './review'
export { summariseRatings, type Rating } from './summarise'
