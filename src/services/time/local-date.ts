/**
 * @module services/time/local-date
 * The calendar date of an instant where the work happens. Dates of service, due dates, approval dates and
 * certification expiries are local days: a note written at 6 pm in California, or a plan approved at 5 pm
 * there, belongs to that day even though the server's clock already says tomorrow in UTC.
 */

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The 'YYYY-MM-DD' date of `instant` in the IANA `timeZone`. Built from the formatter's parts rather than a
 * locale's date pattern, which ICU releases have changed.
 *
 * @param instant - the moment
 * @param timeZone - an IANA time zone, e.g. a program's `time_zone`
 * @throws RangeError for a time zone the runtime does not know
 * @example calendarDateIn(new Date('2026-11-24T01:30:00Z'), 'America/Los_Angeles') // '2026-11-23'
 */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day'): string =>
    parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
