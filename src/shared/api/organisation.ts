/**
 * @module shared/api/organisation
 * The caller's organisation, its programs and the payers Peerline has rules for.
 */
import { z } from 'zod';
import { PayerPackIdSchema, ProgramTypeSchema } from '../programs.js';
import { IdSchema } from './common.js';

export const AddressSchema = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string().length(2),
  postalCode: z.string(),
});
export type Address = z.infer<typeof AddressSchema>;

export const ProgramSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: ProgramTypeSchema,
  npi: z.string(),
  taxonomy: z.string(),
  address: AddressSchema,
  timeZone: z.string(),
  payerPacks: z.array(PayerPackIdSchema),
});
export type Program = z.infer<typeof ProgramSchema>;

/** The payers a program bills, most preferred first: the first covering a member on a date judges the note. */
export const ProgramPayersRequestSchema = z.object({
  payerPacks: z
    .array(PayerPackIdSchema)
    .min(1, { message: 'Choose at least one payer this program bills.' })
    .max(10),
});
export type ProgramPayersRequest = z.infer<typeof ProgramPayersRequestSchema>;

/** A payer Peerline has rules for: its pack id and the payer's name, for choosers and labels. */
export const PayerSchema = z.object({ id: PayerPackIdSchema, name: z.string() });
export type Payer = z.infer<typeof PayerSchema>;

export const OrganisationResponseSchema = z.object({
  organisation: z.object({ id: IdSchema, name: z.string() }),
  programs: z.array(ProgramSchema),
  /** Every payer pack installed on this server (built-in and from pack files), built-in packs first. */
  payers: z.array(PayerSchema),
});
export type OrganisationResponse = z.infer<typeof OrganisationResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    /** Number of the last migration applied, e.g. 1 for `0001-foundation`. */
    migrationVersion: z.number().int(),
    migrationName: z.string().nullable(),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
