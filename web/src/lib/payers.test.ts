/**
 * Payer names come from the server's list (`payers` of the organisation): a page must still say something true
 * before the list loads, or for a pack the server no longer has — the pack id itself.
 */
import { describe, expect, it } from 'vitest';
import { payerChoices, payerName } from './payers.js';

const PAYERS = [
  { id: 'state-plan', name: 'The State Plan' },
  { id: 'county-plan', name: 'The County Plan' },
];

describe('payerName', () => {
  it('names a payer the server lists', () => {
    expect(payerName(PAYERS, 'county-plan')).toBe('The County Plan');
  });

  it('falls back to the pack id while loading or for a pack the server does not list', () => {
    expect(payerName([], 'county-plan')).toBe('county-plan');
    expect(payerName(PAYERS, 'gone-plan')).toBe('gone-plan');
  });
});

describe('payerChoices', () => {
  it('offers each payer by name, valued by its pack id, in the server’s order', () => {
    expect(payerChoices(PAYERS)).toEqual([
      { value: 'state-plan', label: 'The State Plan' },
      { value: 'county-plan', label: 'The County Plan' },
    ]);
  });
});
