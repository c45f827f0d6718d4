/**
 * @module services/notes
 * Service notes: drafts that save themselves (with stale-revision protection), the live claim preview from the
 * note's stored context, signing with its completeness and certification checks, addenda, supervisor review,
 * and the overdue list. Group sessions reuse `insertDraftNote`, `saveDraftIn`, `signNoteIn` and
 * `noteResponse` inside their own transactions, passing the group's size and the lead facilitator as author.
 */
export { createNote, insertDraftNote } from './create.js';
export type { DraftNoteInput } from './create.js';
export { saveDraft, saveDraftIn, previewDraft } from './save.js';
export type { SaveDraftOptions } from './save.js';
export { signNote, signNoteIn } from './sign.js';
export { addAddendum, listReviewQueue, cosignNote, returnNote } from './review.js';
export { getNote, listNotes, listOverdueNotes } from './read.js';
export { previewNote, judgeNoteInHand, noteInHand, notePreviewOf, dueOnFor } from './note-claim.js';
export type { NotePreview } from './note-claim.js';
export { noteResponse } from './note-view.js';
export {
  noteDueOn,
  businessDaysOverdue,
  lateReasonNeeded,
  DEFAULT_NOTE_DUE_BUSINESS_DAYS,
} from './due-dates.js';
/** The program's local date (services/time); still exported under this name for demo data and browser tests. */
export { columnsOfFields, defaultFields, fieldsOfRow, mergeFields } from '../note-fields/index.js';
export { NOTE_WRITERS, NOTE_REVIEWERS, visibleNotes } from './note-access.js';
