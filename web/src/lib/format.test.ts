import { describe, expect, it } from 'vitest';
import { formatDuration } from './format.js';

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
