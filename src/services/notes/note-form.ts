/**
 * @module services/notes/note-form
 * What the note form needs from the payer rules and the member's record to show the right fields — the
 * payer, the modifiers a peer may add, whether the payer bills a Plan of Care note, the consent the modality
 * calls for — so the browser holds no list of payers and downloads no pack to decide.
 */
import type { Kysely } from 'kysely';
import { getPack, payerPackName, type Pack } from '../../engine/index.js';
import type { Modality } from '../../shared/api/claims.js';
import type { NoteFields, NoteForm } from '../../shared/api/notes.js';
import type { ConsentKind } from '../../shared/documentation.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';

/**
 * The modifiers the author chooses under `pack`: those its `allowedModifiers` setting lists that neither its
 * modifier rules nor its procedures add themselves (Medi-Cal's HK, Los Angeles' U7), in the pack's order.
 *
 * @example userModifiers(getPack('ca-dhcs')) // ['SC']
 */
export function userModifiers(pack: Pack): string[] {
  const allowed = pack.settings['allowedModifiers']?.value;
  if (!Array.isArray(allowed)) {
    return [];
  }
  const setByPack = new Set([
    ...pack.modifierRules.map((rule) => rule.modifier),
    ...pack.procedures.flatMap((procedure) => procedure.modifiers),
  ]);
  const order = (modifier: string): number => {
    const index = pack.modifierOrder.indexOf(modifier);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return allowed
    .filter((modifier): modifier is string => typeof modifier === 'string' && !setByPack.has(modifier))
    .sort((a, b) => order(a) - order(b));
}

/** The consent a modality calls for, or null for in person. */
function consentNeeded(modality: Modality): ConsentKind | null {
  switch (modality) {
    case 'in_person':
      return null;
    case 'video':
      return 'telehealth';
    case 'audio_only':
      return 'audio_only';
  }
}

/**
 * The form's needs for a note of `member` in `programName`, judged under `payerPack` (null: not covered).
 * Reads the member's consents only when the modality calls for one.
 */
export async function noteFormOf(
  db: Kysely<Database>,
  note: { organisationId: string; memberId: string; programName: string },
  fields: Pick<NoteFields, 'dateOfService' | 'modality'>,
  payerPack: PayerPackId | null,
): Promise<NoteForm> {
  const pack = payerPack === null ? undefined : getPack(payerPack);
  return {
    programName: note.programName,
    payer: payerPack === null ? null : { id: payerPack, name: payerPackName(payerPack) },
    modifiers: pack === undefined ? [] : userModifiers(pack),
    asksPlanOfCareNote: pack?.plan.claimNeeds.planOfCare ?? false,
    consent: await consentOnFile(db, note, fields, pack),
  };
}

async function consentOnFile(
  db: Kysely<Database>,
  note: { organisationId: string; memberId: string },
  fields: Pick<NoteFields, 'dateOfService' | 'modality'>,
  pack: Pack | undefined,
): Promise<NoteForm['consent']> {
  const kind = consentNeeded(fields.modality);
  if (kind === null) {
    return null;
  }
  const date = fields.dateOfService;
  const latest = await db
    .selectFrom('consents')
    .select('given_on')
    .where('organisation_id', '=', note.organisationId)
    .where('member_id', '=', note.memberId)
    .where('kind', '=', kind)
    .where('given_on', '<=', date)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', date)]))
    .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>', date)]))
    .orderBy('given_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { kind, givenOn: latest?.given_on ?? null, payerRequires: pack?.plan.claimNeeds.consents ?? false };
}
