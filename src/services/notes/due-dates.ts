/**
 * @module services/notes/due-dates
 * When a note is due and how late it is, in business days (weekends and federal holidays skipped, the day of
 * service being day 0). "Today" is the program's local date (services/time) — a note written at 6 pm in
 * California is not a day late because the server's clock says it is tomorrow in UTC.
 *
 * Every note has a due date, for the overdue list; a note signed after it needs a late reason only where its
 * payer sets the deadline (`noteDueBusinessDays`: the Medi-Cal packs). Choice: North Carolina and Kansas set
 * none, so their notes are listed as overdue after the default three business days — the organisation's own
 * expectation — but are never refused for lacking a late reason the payer does not ask for.
 */
import { addBusinessDays, businessDaysBetween, getPack } from '../../engine/index.js';
import type { NoteStatus } from '../../shared/documentation.js';
import type { PayerPackId } from '../../shared/programs.js';

/** Business days a note has when its pack sets none (the engine uses the same default). */
export const DEFAULT_NOTE_DUE_BUSINESS_DAYS = 3;

/**
 * The note's due date: the pack's `noteDueBusinessDays` business days after the date of service.
 *
 * @param payerPack - the pack the note is judged by (null when the member has no coverage: the default)
 * @param dateOfService - 'YYYY-MM-DD'
 * @example noteDueOn('ca-dhcs', '2026-11-25') // '2026-12-01': Thanksgiving and the weekend are skipped
 */
export function noteDueOn(payerPack: PayerPackId | null, dateOfService: string): string {
  return addBusinessDays(dateOfService, payerNoteDeadline(payerPack) ?? DEFAULT_NOTE_DUE_BUSINESS_DAYS);
}

/** Business days the pack gives to document a service, or null when it sets no deadline. */
function payerNoteDeadline(payerPack: PayerPackId | null): number | null {
  const setting = payerPack === null ? undefined : getPack(payerPack)?.settings['noteDueBusinessDays']?.value;
  return typeof setting === 'number' ? setting : null;
}

/**
 * Whether a note signed on `signedOn` needs a reason for being late: signed after its due date, under a pack
 * that sets the deadline (see the module comment).
 *
 * @param payerPack - the pack the note is judged by (null: no coverage, no payer deadline)
 * @param dueOn - the note's due date
 * @param signedOn - the day it was, or would now be, signed
 * @example lateReasonNeeded('nc-wellcare', '2026-11-18', '2026-11-30') // false: no payer deadline
 */
export function lateReasonNeeded(payerPack: PayerPackId | null, dueOn: string, signedOn: string): boolean {
  return signedOn > dueOn && payerNoteDeadline(payerPack) !== null;
}

/**
 * Business days an unsigned note is past its due date on `today` (0 when signed or not yet overdue). A note
 * due on a Friday is overdue on the Saturday, yet 0 business days late until Monday.
 */
export function businessDaysOverdue(status: NoteStatus, dueOn: string, today: string): number {
  if (status === 'signed' || today <= dueOn) return 0;
  return Math.max(0, businessDaysBetween(dueOn, today));
}
