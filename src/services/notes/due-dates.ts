/**
 * @module services/notes/due-dates
 * When a note is due and how late it is, in business days (weekends and federal holidays skipped, the day of
 * service being day 0). "Today" is the program's local date (services/time) — a note written at 6 pm in
 * California is not a day late because the server's clock says it is tomorrow in UTC.
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
  const setting = payerPack === null ? undefined : getPack(payerPack)?.settings['noteDueBusinessDays']?.value;
  const days = typeof setting === 'number' ? setting : DEFAULT_NOTE_DUE_BUSINESS_DAYS;
  return addBusinessDays(dateOfService, days);
}

/**
 * Business days an unsigned note is past its due date on `today` (0 when signed or not yet overdue). A note
 * due on a Friday is overdue on the Saturday, yet 0 business days late until Monday.
 */
export function businessDaysOverdue(status: NoteStatus, dueOn: string, today: string): number {
  if (status === 'signed' || today <= dueOn) return 0;
  return Math.max(0, businessDaysBetween(dueOn, today));
}
