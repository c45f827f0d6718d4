/**
 * @module engine/packs
 * The five payer rule packs, validated and layered once when this module loads: a malformed pack stops
 * start-up with a message naming the pack, the rule and the field.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import { FACT_NAMES } from '../rules/facts.js';
import { loadPacks, type Pack, type PackDefinition } from '../rules/pack.js';
import { caAcbhd } from './ca-acbhd.js';
import { caDhcs } from './ca-dhcs.js';
import { caLaSapc } from './ca-la-sapc.js';
import { ksPahp } from './ks-pahp.js';
import { ncWellcare } from './nc-wellcare.js';

/** Every pack definition, base packs first. */
export const PACK_DEFINITIONS: readonly PackDefinition[] = [caDhcs, caAcbhd, caLaSapc, ncWellcare, ksPahp];

const packs = loadPacks(PACK_DEFINITIONS, FACT_NAMES);

export function getPack(id: PayerPackId): Pack | undefined {
  return packs.get(id);
}

export function allPacks(): Pack[] {
  return [...packs.values()];
}

/**
 * The pack a request is judged by: the one it names, else the member's coverage on the date of service
 * (the first listed when several cover it).
 */
export function choosePack(request: ClaimPreviewRequest): Pack | undefined {
  if (request.payerPack !== undefined) {
    return packs.get(request.payerPack);
  }
  const date = request.service.dateOfService;
  const coverage = request.member.coverage.find(
    (entry) => entry.from <= date && (entry.to === null || date <= entry.to) && packs.has(entry.payerPack),
  );
  return coverage === undefined ? undefined : packs.get(coverage.payerPack);
}
