import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatDuration } from './format.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1_000, '1 second'],
    [45_000, '45 seconds'],
    [60_000, '1 minute'],
    [65_000, '1 minute 5 seconds'],
    [120_000, '2 minutes'],
    [-5_000, '0 seconds'],
  ])('says %i ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatCents', () => {
  // Rates are stored in cents; the pages show dollars with exactly two decimals.
  it.each([
    [4667, '$46.67'],
    [1037, '$10.37'],
    [0, '$0.00'],
    [5, '$0.05'],
    [123456, '$1,234.56'],
  ])('says %i cents as %j', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});

describe('formatDate', () => {
  // A calendar date must not move to the day before in time zones west of UTC.
  it('keeps the calendar day of a YYYY-MM-DD date', () => {
    expect(formatDate('2023-07-01')).toContain('2023');
    expect(formatDate('2023-07-01')).toMatch(/\b1\b/);
  });

  it('returns anything that is not a calendar date unchanged', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});
