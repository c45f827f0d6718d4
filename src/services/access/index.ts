/**
 * @module services/access
 * Record-level access rules shared by every use case that touches a member.
 */
export {
  canChangeClinicalRecords,
  isUuid,
  memberForActor,
  visibleMembers,
  type MemberAccessPurpose,
} from './member-access.js';
