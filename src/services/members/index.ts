/**
 * @module services/members
 * Members and their records: search and caseloads, the member's record with its contacts, coverage,
 * eligibility checks, eligibility determinations, diagnoses, episodes of care and consents, peer assignment, and what the payer rules
 * need to know about a member on a date of service (`memberClaimContext`).
 */
export {
  searchMembers,
  getMember,
  createMember,
  updateMember,
  assignPeer,
  listAssignablePeers,
} from './members.js';
export {
  addContact,
  updateContact,
  removeContact,
  addCoverage,
  updateCoverage,
  removeCoverage,
  addEligibilityCheck,
  addEligibilityDetermination,
  updateEligibilityDetermination,
  removeEligibilityDetermination,
  addOutsideGroupHours,
  updateOutsideGroupHours,
  removeOutsideGroupHours,
  addDiagnosis,
  updateDiagnosis,
  removeDiagnosis,
  addEpisode,
  updateEpisode,
  addConsent,
  revokeConsent,
} from './sub-records.js';
export {
  memberClaimContext,
  coverageOn,
  coverageInForceOn,
  orderCoverage,
  toMemberClaimContext,
  loadMemberClaimRecordsMany,
} from './claim-records.js';
export type { MemberClaimContext, MemberClaimRecords, CoverageEntry } from './claim-records.js';
