/**
 * The group's size as the payer rules see it: facilitator FTE is minutes present over the session's
 * length, so two facilitators sharing one hour count as one, not two.
 */
import { describe, expect, it } from 'vitest';
import { facilitatorFte, groupOfService, sessionMinutes } from './group-size.js';

describe('group size', () => {
  it('measures the session from start to end, and not at all without both or backwards', () => {
    expect(sessionMinutes('10:00', '11:30')).toBe(90);
    expect(sessionMinutes(null, '11:30')).toBeNull();
    expect(sessionMinutes('11:30', '10:00')).toBeNull();
  });

  it('counts a facilitator present for half the session as half a full-time facilitator', () => {
    expect(facilitatorFte([60, 30], '10:00', '11:00')).toBe(1.5);
    expect(facilitatorFte([30, 30], '10:00', '11:00')).toBe(1);
    expect(facilitatorFte([60], null, '11:00')).toBeNull();
  });

  it('gives the claim preview the attendees and FTE, or nothing until the session has a length', () => {
    expect(groupOfService(3, [60, 30], '10:00', '11:00')).toEqual({ attendees: 3, facilitatorFte: 1.5 });
    expect(groupOfService(0, [60], '10:00', '11:00')).toBeNull();
    expect(groupOfService(3, [60], '10:00', null)).toBeNull();
  });
});
