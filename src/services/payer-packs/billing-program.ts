/**
 * @module services/payer-packs/billing-program
 * A record given for one program and one payer — an authorization, a fee schedule price — is of use only if the
 * program is the organisation's and bills that payer. One check for every such record, so each says the same
 * thing in its own words.
 */
import type { Kysely } from 'kysely';
import { payerPackName } from '../../engine/index.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import type { Database } from '../../store/index.js';
import { invalid } from '../errors.js';

/** How the record being checked speaks of the program. */
export interface ProgramRecordWords {
  /** Its problem codes' prefix: `<prefix>.program_unknown`, `<prefix>.program_payer`. */
  codePrefix: string;
  /** What leaving the program out means, e.g. "cover any program". */
  withoutProgram: string;
  /** Why a program not billing the payer is no use, e.g. "an authorization from that payer would never cover its notes". */
  uselessBecause: string;
}

/**
 * Throws 400 at `path` unless `programId` is a program of the organisation that bills `payerPack`.
 *
 * @example await requireProgramBilling(trx, orgId, programId, 'nc-wellcare', ['body', 'programId'], words)
 */
export async function requireProgramBilling(
  db: Kysely<Database>,
  organisationId: string,
  programId: string,
  payerPack: PayerPackId,
  path: Problem['path'],
  words: ProgramRecordWords,
): Promise<void> {
  const program = await db
    .selectFrom('programs')
    .select(['name', 'payer_packs'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', programId)
    .executeTakeFirst();
  if (program === undefined) {
    throw invalid(
      `${words.codePrefix}.program_unknown`,
      `No such program in your organisation. Choose one of its programs, or leave the program out to ${words.withoutProgram}.`,
      path,
    );
  }
  if (!program.payer_packs.includes(payerPack)) {
    throw invalid(
      `${words.codePrefix}.program_payer`,
      `${program.name} does not bill ${payerPackName(payerPack)}, so ${words.uselessBecause}. Choose a program that bills the payer, or leave the program out.`,
      path,
    );
  }
}
