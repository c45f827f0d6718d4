/**
 * @module services/care-plans/dates
 * Calendar days where the member's program is: "approved on" and "today" are the program's local dates, not
 * the server's, so a plan approved at 5 pm in California is not dated the next day.
 */

/**
 * The 'YYYY-MM-DD' date of `instant` in `timeZone`.
 *
 * @example calendarDateIn(new Date('2026-11-24T02:00:00Z'), 'America/Los_Angeles') // '2026-11-23'
 */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day'): string =>
    parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
