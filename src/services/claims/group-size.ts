/**
 * @module services/claims/group-size
 * The group's size as the payer rules see it: how many members attended, and how many full-time
 * facilitators ran it. A facilitator present for 45 minutes of a 90-minute group counts as half an FTE,
 * so two people sharing one group do not double its allowed size.
 */
import { parseClockTime } from '../../engine/index.js';

/** Minutes from start to end on the day; null unless both are set and the end is after the start. */
export function sessionMinutes(start: string | null, end: string | null): number | null {
  const from = start === null ? undefined : parseClockTime(start);
  const to = end === null ? undefined : parseClockTime(end);
  if (from === undefined || to === undefined) return null;
  return to > from ? to - from : null;
}

/**
 * Facilitator FTE: the facilitators' minutes over the session's minutes (the service refuses minutes longer
 * than the session). Null while the session has no length.
 */
export function facilitatorFte(
  facilitatorMinutes: readonly number[],
  start: string | null,
  end: string | null,
): number | null {
  const length = sessionMinutes(start, end);
  if (length === null || facilitatorMinutes.length === 0) return null;
  const total = facilitatorMinutes.reduce((sum, minutes) => sum + minutes, 0);
  return total / length;
}

/** `service.group` of the claim preview for an attendee: null until the session has a length. */
export function groupOfService(
  attendees: number,
  facilitatorMinutes: readonly number[],
  start: string | null,
  end: string | null,
): { attendees: number; facilitatorFte: number } | null {
  const fte = facilitatorFte(facilitatorMinutes, start, end);
  return fte === null || fte <= 0 || attendees < 1 ? null : { attendees, facilitatorFte: fte };
}

/** A group service's size, as the payer's group rules judge it. */
export interface GroupContext {
  /** Members attending (each has their own note and claim line). */
  attendees: number;
  /** Full-time-equivalent facilitators present. */
  facilitatorFte: number;
}

/**
 * A stored group session's size as the payer's group rules judge it. Once the session has a length, the group
 * page's own reckoning (facilitator minutes over session minutes); before that, each facilitator counts as one
 * full-time facilitator.
 *
 * @param attendees - notes written for the session (one per attending member)
 * @param facilitatorMinutes - each facilitator's minutes
 */
export function groupContextOf(
  attendees: number,
  facilitatorMinutes: readonly number[],
  start: string | null,
  end: string | null,
): GroupContext {
  return (
    groupOfService(attendees, facilitatorMinutes, start, end) ?? {
      attendees: Math.max(1, attendees),
      facilitatorFte: facilitatorMinutes.length > 0 ? facilitatorMinutes.length : 1,
    }
  );
}
