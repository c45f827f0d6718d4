/**
 * @module web/lib/format
 * Dates and times in the user's own locale and time zone.
 */
import { serverTimeToLocal } from '../api/index.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

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
