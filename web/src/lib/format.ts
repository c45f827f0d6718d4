/**
 * @module web/lib/format
 * Dates and times in the user's own locale and time zone; calendar dates and US dollar amounts.
 */
import { serverTimeToLocal } from '../api/index.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
// A calendar date (`2023-07-01`) parses as midnight UTC; format it in UTC so it never shifts a day.
const calendarDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
// Payers pay in US dollars: always "$46.67", whatever the browser's locale.
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "Mar 4, 2026, 3:05 PM" in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Like {@link formatDateTime}, with seconds: for the audit log. */
export function formatDateTimeSeconds(iso: string): string {
  return dateTimeSeconds.format(new Date(iso));
}

/** "3:05 PM": for a browser-clock time in ms. */
export function formatTime(ms: number): string {
  return timeOnly.format(new Date(ms));
}

/**
 * "Jul 1, 2023": a calendar date (`YYYY-MM-DD`, no time or zone) in the user's locale.
 *
 * @param isoDate - date as `YYYY-MM-DD`; anything else is returned unchanged
 */
export function formatDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    return isoDate;
  }
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date);
}

/**
 * "$46.67": an amount in whole cents as US dollars.
 *
 * @example formatCents(4667) // "$46.67"
 * @param cents - amount in cents (an integer)
 */
export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}

/**
 * Today's calendar date (`YYYY-MM-DD`) where the browser is, e.g. as the default date of service.
 *
 * @param now - the moment to take the date of (defaults to now)
 */
export function todayLocalDate(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when a lock timestamp from the server is still in the future. */
export function isLockedNow(lockedUntil: string | null): boolean {
  return lockedUntil !== null && serverTimeToLocal(lockedUntil) > Date.now();
}

/** "1 minute 5 seconds", "45 seconds": a remaining time, for a countdown. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts: string[] = [];
  if (minutes > 0) {
    parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  }
  if (seconds > 0 || minutes === 0) {
    parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  }
  return parts.join(' ');
}
