/**
 * @module services/groups
 * Group sessions: the session, its facilitators and attendance, each attendee's note and claim preview,
 * and signing every attendee's note at once.
 */
export {
  groupOptions,
  listGroups,
  getGroup,
  createGroup,
  updateGroup,
  insertFacilitators,
} from './groups.js';
export { addAttendees, removeAttendee, saveAttendee } from './attendees.js';
export { signGroup } from './sign.js';
export { visibleGroups, groupForActor } from './group-access.js';
export { groupNoteFields } from './attendee-notes.js';
