/**
 * @module engine/packs
 * The payer rule packs in force in this process: the five built in (one per seed document) and any a
 * deployment adds from pack files (`PEERLINE_PACKS_DIR`, read at the edge by `services/payer-packs`). Packs are
 * validated and layered when installed: a malformed pack stops start-up with a message naming the pack, the
 * rule and the field. The list of pack ids is the list of packs installed here — no other list exists.
 *
 * A pack from a file either has an id of its own (a new payer, usually `extends` a built-in pack) or the id of
 * a built-in pack, which it then **overlays**: the built-in pack is its base, and its own items replace the
 * base's by id (rates by code), as `extends` does — so a new rate version or setting needs no code change.
 */
import type { ClaimPreviewRequest } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
import { inForce } from '../calendar/index.js';
import { FACT_NAMES } from '../rules/facts.js';
import { loadPacks, type AddedPack, type Pack, type PackDefinition } from '../rules/pack.js';
import { caAcbhd } from './ca-acbhd.js';
import { caDhcs } from './ca-dhcs.js';
import { caLaSapc } from './ca-la-sapc.js';
import { ksPahp } from './ks-pahp.js';
import { ncWellcare } from './nc-wellcare.js';

/** The built-in pack definitions, base packs first. */
export const PACK_DEFINITIONS: readonly PackDefinition[] = [caDhcs, caAcbhd, caLaSapc, ncWellcare, ksPahp];

export type { AddedPack };

let packs = loadPacks(PACK_DEFINITIONS, FACT_NAMES);

/**
 * Installs the built-in packs with `added` layered on them, replacing whatever was installed. Throws
 * PackError naming the file, the pack, the rule and the field at the first problem, and then leaves the
 * installed packs as they were. Called once at start-up (and by tests, which run each file in its own process).
 */
export function installPacks(added: readonly AddedPack[]): void {
  packs = loadPacks(PACK_DEFINITIONS, FACT_NAMES, added);
}

export function getPack(id: PayerPackId): Pack | undefined {
  return packs.get(id);
}

/** Every installed pack, built-in packs first, in the order they were defined. */
export function allPacks(): Pack[] {
  return [...packs.values()];
}

/** Whether `id` names an installed pack. */
export function isPayerPack(id: string): boolean {
  return packs.has(id);
}

/** The ids of the installed packs, built-in packs first. */
export function payerPackIds(): PayerPackId[] {
  return [...packs.keys()];
}

/** The payer's name as its pack gives it ("WellCare of North Carolina"), or the id of a pack not installed. */
export function payerPackName(id: PayerPackId): string {
  return packs.get(id)?.name ?? id;
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
    (entry) => inForce(date, entry.from, entry.to) && packs.has(entry.payerPack),
  );
  return coverage === undefined ? undefined : packs.get(coverage.payerPack);
}
