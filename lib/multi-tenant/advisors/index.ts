// The advisors feature's public surface: a tenant's assistants and the scope a question is asked in.
export { createAdvisor, deleteAdvisor, getAdvisor, listAdvisors, updateAdvisor } from './advisors'
export { advisorForQuestion, withAdvisorPersonality, type AdvisorScope } from './scope'
export { readAdvisorSettings, updateAdvisorSettings } from './settings'
