/**
 * @module web/lib/use-note-modifiers
 * The modifiers a note's author may add themselves: those the payer pack allows (its `allowedModifiers`
 * setting) that the pack does not set on its own — the ones its modifier rules and procedures add, like
 * Medi-Cal's HK or Los Angeles' U7. For Medi-Cal that leaves SC, which the catalog says is set by the user.
 * A pack that names no allowed modifiers offers none.
 */
import type { PayerPackId, PayerPackSummary } from '../../../src/shared/index.js';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../api/index.js';

/**
 * The modifiers the author chooses under `pack`, in the pack's modifier order.
 *
 * @example userModifiers(caDhcs) // ['SC']: HK is added by the pack for outpatient services
 */
export function userModifiers(pack: PayerPackSummary): string[] {
  const allowed = pack.settings.find((setting) => setting.name === 'allowedModifiers')?.value;
  if (!Array.isArray(allowed)) {
    return [];
  }
  const setByPack = new Set([
    ...pack.modifiers.map((rule) => rule.modifier),
    ...pack.procedures.flatMap((procedure) => procedure.modifiers),
  ]);
  const order = (modifier: string): number => {
    const index = pack.modifierOrder.indexOf(modifier);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return allowed.filter((modifier) => !setByPack.has(modifier)).sort((a, b) => order(a) - order(b));
}

/** The modifiers to offer on a note judged by `packId` (none while loading, or without a pack). */
export function useNoteModifiers(packId: PayerPackId | null): string[] {
  const { data } = useQuery(apiQuery('/api/v1/payer-packs'));
  if (packId === null || data === undefined) {
    return [];
  }
  const pack = data.packs.find((each) => each.id === packId);
  return pack === undefined ? [] : userModifiers(pack);
}
