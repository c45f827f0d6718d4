/**
 * The modifiers a note's author may add (`userModifiers`, sent to the note form as `form.modifiers`): what the
 * pack allows, less what the pack adds itself — so the form offers Medi-Cal's SC (set by the user) and never
 * HK or U7 (set by the pack's rules), and offers nothing under a payer that names no allowed modifiers.
 */
import { describe, expect, it } from 'vitest';
import { getPack, type Pack } from '../../engine/index.js';
import { userModifiers } from './note-form.js';

function pack(id: string): Pack {
  const found = getPack(id);
  if (found === undefined) {
    throw new Error(`${id} is not loaded`);
  }
  return found;
}

describe('userModifiers', () => {
  it('offers the allowed modifiers the pack does not set itself', () => {
    // Medi-Cal allows HK and SC; its modifier rules add HK.
    expect(userModifiers(pack('ca-dhcs'))).toEqual(['SC']);
    // Los Angeles allows U7, HF, HK and SC; its procedures add U7 and HF, the inherited rules HK.
    expect(userModifiers(pack('ca-la-sapc'))).toEqual(['SC']);
  });

  it('lists them in the pack’s modifier order, not the order the setting lists them', () => {
    const base = pack('ca-dhcs');
    const reordered: Pack = {
      ...base,
      settings: {
        ...base.settings,
        allowedModifiers: { ...base.settings['allowedModifiers']!, value: ['SC', 'GT', 'HK', 'HE'] },
      },
      modifierOrder: ['HK', 'HE', 'GT', 'SC'],
    };
    expect(userModifiers(reordered)).toEqual(['HE', 'GT', 'SC']);
  });

  it('offers none when the pack names no allowed modifiers', () => {
    expect(pack('nc-wellcare').settings['allowedModifiers']).toBeUndefined();
    expect(userModifiers(pack('nc-wellcare'))).toEqual([]);
  });
});
