/**
 * @module services/organisations/organisations
 * Organisations and their programs: creating them (demo data, first admin) and showing a user their own.
 */
import type { Kysely } from 'kysely';
import type { OrganisationResponse, Program } from '../../shared/api/organisation.js';
import { isValidNpi } from '../../shared/npi.js';
import type { PayerPackId, ProgramType } from '../../shared/programs.js';
import type { Database, ProgramRow } from '../../store/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { payerPackIds, payerPackName } from '../../engine/index.js';
import { invalid } from '../errors.js';
import { requirePayerPack } from '../payer-packs/index.js';

export interface NewProgram {
  name: string;
  type: ProgramType;
  npi: string;
  taxonomy: string;
  address: { line1: string; line2: string | null; city: string; state: string; postalCode: string };
  timeZone: string;
  payerPacks: PayerPackId[];
}

export interface NewOrganisation {
  name: string;
  taxId: string | null;
  programs: NewProgram[];
}

/** Inserts an organisation with its programs; returns the new organisation's id. Run inside a transaction. */
export async function insertOrganisation(
  db: Kysely<Database>,
  organisation: NewOrganisation,
): Promise<string> {
  organisation.programs.forEach((program, index) => {
    if (!isValidNpi(program.npi)) {
      throw invalid(
        'program.npi_invalid',
        `Program "${program.name}" has NPI ${program.npi}, whose check digit is wrong. Copy the NPI again from NPPES.`,
        ['programs', index, 'npi'],
      );
    }
    program.payerPacks.forEach((pack, packIndex) =>
      requirePayerPack(pack, ['programs', index, 'payerPacks', packIndex]),
    );
    if (!isValidTimeZone(program.timeZone)) {
      throw invalid(
        'program.time_zone_invalid',
        `Program "${program.name}" has time zone "${program.timeZone}"; use an IANA name such as America/Los_Angeles.`,
        ['programs', index, 'timeZone'],
      );
    }
  });
  const { id } = await db
    .insertInto('organisations')
    .values({ name: organisation.name, tax_id: organisation.taxId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (organisation.programs.length > 0) {
    await db
      .insertInto('programs')
      .values(
        organisation.programs.map((program) => ({
          organisation_id: id,
          name: program.name,
          type: program.type,
          npi: program.npi,
          taxonomy: program.taxonomy,
          address_line1: program.address.line1,
          address_line2: program.address.line2,
          city: program.address.city,
          state: program.address.state,
          postal_code: program.address.postalCode,
          time_zone: program.timeZone,
          payer_packs: program.payerPacks,
        })),
      )
      .execute();
  }
  return id;
}

/** The actor's organisation and its programs (any role may see them). */
export async function getOrganisationOverview(
  ctx: ServiceContext,
  actor: Actor,
): Promise<OrganisationResponse> {
  const organisation = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const programs = await ctx.db
    .selectFrom('programs')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .orderBy('name')
    .execute();
  const payers = payerPackIds().map((id) => ({ id, name: payerPackName(id) }));
  return { organisation, programs: programs.map(toProgram), payers };
}

export function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    npi: row.npi,
    taxonomy: row.taxonomy,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      state: row.state,
      postalCode: row.postal_code,
    },
    timeZone: row.time_zone,
    payerPacks: row.payer_packs,
  };
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
