/**
 * @module services/staff
 * Staff credentials and continuing education, each staff member's compliance as the payer packs judge it,
 * and what the notes service needs: the author's credentials on a date of service in the engine's shape
 * (`staffCredentialsOn`) and the problem that blocks signing a billable note without a current
 * certification (`certificationBlocker`).
 */
export { listStaff, getStaffMember, upsertStaffProfile, organisationToday } from './profiles.js';
export { addContinuingEducation, removeContinuingEducation } from './continuing-education.js';
export {
  staffCredentialsOn,
  certificationBlocker,
  certificationStateOn,
  ceCycleYears,
  continuingEducationCycle,
  loadCredentialRecords,
  staffContextOf,
} from './credentials.js';
export type { CredentialRecord } from './credentials.js';
export { complianceOf } from './compliance.js';
export { staffReachOf, visibleStaff } from './access.js';
export type { StaffReach } from './access.js';
