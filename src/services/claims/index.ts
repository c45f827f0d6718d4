/**
 * @module services/claims
 * The claim rules around the engine: previewing a service as a claim under its payer's rule pack, describing
 * the loaded packs, and the one path from stored notes to the engine's answer — the claim context loaded for
 * many members in a fixed number of queries, the one history source, and the judgement of each note in turn
 * that the note form's preview, signing and the billing run all use.
 */
export { previewClaim, NO_PACK } from './preview.js';
export type { PreviewClaimOptions } from './preview.js';
export { describePacks, describePack } from './describe-packs.js';
export { AUTHORIZATION_COLUMNS, usedUnitsOf } from './authorization-use.js';
export { limitPeriodsOf, historyStartFor, MemberHistory } from './history.js';
export type { LimitPeriods, CountedLine, StoredAuthorization } from './history.js';
export { claimableNote, loadClaimContext, loadPrograms, signedOnIn } from './context.js';
export type { ClaimContext, ClaimContextOptions, ClaimProgram, ClaimRange, NoteToJudge } from './context.js';
export { judgeNote, judgeInTurn, REVIEW_PENDING, REVIEW_RETURNED } from './judge.js';
export type { ClaimableLine, Judgement } from './judge.js';
export { claimRequestOf, coverageJudgedBy, onNoteFields, payerPackOn } from './request.js';
export type { ClaimRequestParts } from './request.js';
export { groupContextOf, groupOfService, facilitatorFte, sessionMinutes } from './group-size.js';
export type { GroupContext } from './group-size.js';
