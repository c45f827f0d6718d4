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

/**
 * The id of a payer rule pack: lower-case words joined by hyphens (`ca-dhcs`, `nc-wellcare`). Which ids exist
 * is decided by the packs the server has installed (`engine/packs`: the built-in packs and any pack files),
 * not by a list here; the server refuses an id it has no pack for, naming the field and the packs it has.
 */
export type PayerPackId = string;
/** The form of a pack id: lower-case words of letters and digits, joined by hyphens. */
export const PAYER_PACK_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const PayerPackIdSchema = z.string().max(40).regex(PAYER_PACK_ID_PATTERN, {
  message: 'A payer pack id is lower-case letters and digits in words joined by hyphens, e.g. ca-dhcs.',
});
