/**
 * @module shared/api/organisation
 * The caller's organisation and its programs.
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

export const OrganisationResponseSchema = z.object({
  organisation: z.object({ id: IdSchema, name: z.string() }),
  programs: z.array(ProgramSchema),
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
