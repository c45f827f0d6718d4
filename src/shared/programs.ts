/**
 * @module shared/programs
 * Program types and the payer rule packs a program can bill under.
 */
import { z } from 'zod';

export const PROGRAM_TYPES = [
  'mh_outpatient',
  'dmc_ods_outpatient',
  'residential',
  'inpatient',
  'crisis',
] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];
export const ProgramTypeSchema = z.enum(PROGRAM_TYPES);

export function programTypeLabel(type: ProgramType): string {
  switch (type) {
    case 'mh_outpatient':
      return 'Mental health outpatient';
    case 'dmc_ods_outpatient':
      return 'DMC-ODS outpatient';
    case 'residential':
      return 'Residential';
    case 'inpatient':
      return 'Inpatient';
    case 'crisis':
      return 'Crisis';
  }
}

/** Identifiers of the payer rule packs, one per seed policy document (see shared/seeds/README.md). */
export const PAYER_PACK_IDS = ['ca-dhcs', 'ca-acbhd', 'ca-la-sapc', 'nc-wellcare', 'ks-pahp'] as const;
export type PayerPackId = (typeof PAYER_PACK_IDS)[number];
export const PayerPackIdSchema = z.enum(PAYER_PACK_IDS);

/** Plain name of a payer rule pack, for pages and reports. */
export function payerPackLabel(pack: PayerPackId): string {
  switch (pack) {
    case 'ca-dhcs':
      return 'California Medi-Cal (DHCS)';
    case 'ca-acbhd':
      return 'Alameda County (ACBHD)';
    case 'ca-la-sapc':
      return 'Los Angeles County (DPH-SAPC)';
    case 'nc-wellcare':
      return 'WellCare of North Carolina';
    case 'ks-pahp':
      return 'Kansas Mental Health PAHP';
  }
}
