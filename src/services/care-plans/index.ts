/**
 * @module services/care-plans
 * Plans of care: versions written with the member, approval by a behavioral health professional or a peer
 * support supervisor, and the plan in effect on a date of service for the payer rules and the note form.
 */
export { createCarePlan, insertCarePlanVersion, startCarePlanUpdate, updateCarePlan } from './write.js';
export type { NewCarePlanVersion } from './write.js';
export { approveCarePlan, returnCarePlan, submitCarePlan, submissionProblems } from './approval.js';
export { getCarePlan, listCarePlans, listMemberCarePlans } from './read.js';
export { carePlanOn, carePlanContextOf, planInEffectOn, approvedPlansOf } from './care-plan-on.js';
export type { ApprovedPlan } from './care-plan-on.js';
export type { CarePlanOnDate } from './care-plan-on.js';
export { documentedPlansOf, documentedPlanFor } from './documented-plans.js';
export type { DocumentedPlanOfCare } from './documented-plans.js';
