/**
 * @module shared/api/fee-schedule
 * The organisation's fee schedule over the API: per payer pack (optionally per program), procedure code and
 * modifiers, effective-dated, the charge billed for a unit and the rate the payer is expected to pay. Money
 * is in whole cents; the CSV import and export write dollars ("46.67") for people and spreadsheets.
 */
import { z } from 'zod';
import { PayerPackIdSchema } from '../programs.js';
import { ModifierSchema } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';

const CodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{4}$/, { message: 'Use the HCPCS code, a letter and four digits, e.g. H0038.' });

/** Cents of one unit, up to $999,999.99. */
const UnitCentsSchema = z
  .number()
  .int({ message: 'Give whole cents, e.g. 4667 for $46.67.' })
  .max(99_999_999, { message: 'A price per unit is at most $999,999.99.' });

/** A line's price and dates: what a change may touch. */
const FeePriceFields = {
  effectiveFrom: CalendarDateSchema,
  /** The last day the price is in force; null while it is the current price. */
  effectiveTo: CalendarDateSchema.nullable().default(null),
  /** The organisation's usual and customary charge for one unit: what the 837 bills. */
  unitChargeCents: UnitCentsSchema.min(1, {
    message: 'Enter the charge for one unit in cents, at least 1 (a claim never bills $0.00).',
  }),
  /** What the payer is expected to pay for one unit; null leaves it to the payer's published rate. */
  expectedUnitRateCents: UnitCentsSchema.min(0, { message: 'An expected rate cannot be negative.' })
    .nullable()
    .default(null),
};

/** The last day is on or after the first. */
function endsAfterItStarts(line: { effectiveFrom: string; effectiveTo: string | null }): boolean {
  return line.effectiveTo === null || line.effectiveFrom <= line.effectiveTo;
}
const ENDS_AFTER_IT_STARTS = {
  message: 'The last day must be on or after the first day.',
  path: ['effectiveTo'],
};

/** What a fee schedule line says, as entered: one payer, code and procedure modifiers, from a date. */
export const FeeLineInputSchema = z
  .object({
    payerPack: PayerPackIdSchema,
    /** The program the price is for; omitted or null, every program of the organisation that bills the payer. */
    programId: IdSchema.nullable().default(null),
    code: CodeSchema,
    /** The procedure's modifiers, e.g. ['HQ'] for a group service; none for an individual one. */
    modifiers: z
      .array(z.string().trim().toUpperCase().pipe(ModifierSchema))
      .max(4, { message: 'A procedure has at most four modifiers.' })
      .default([]),
    ...FeePriceFields,
  })
  .refine(endsAfterItStarts, ENDS_AFTER_IT_STARTS);
export type FeeLineInput = z.infer<typeof FeeLineInputSchema>;

/** A change to a line: its price, expected rate and dates (a different code or payer is a different line). */
export const FeeLineChangeSchema = z.object(FeePriceFields).refine(endsAfterItStarts, ENDS_AFTER_IT_STARTS);
export type FeeLineChange = z.infer<typeof FeeLineChangeSchema>;

export const FeeLineSchema = z.object({
  id: IdSchema,
  payerPack: PayerPackIdSchema,
  payerName: z.string(),
  program: z.object({ id: IdSchema, name: z.string() }).nullable(),
  code: z.string(),
  modifiers: z.array(z.string()),
  effectiveFrom: CalendarDateSchema,
  effectiveTo: CalendarDateSchema.nullable(),
  unitChargeCents: z.number().int(),
  expectedUnitRateCents: z.number().int().nullable(),
  /**
   * The payer's own rate the pack holds for the code on `effectiveFrom` (or its division of another code's),
   * used when no expected rate is entered; null when the sources give none.
   */
  packUnitRateCents: z.number().int().nullable(),
  updatedAt: TimestampSchema,
  updatedBy: z.string().nullable(),
});
export type FeeLine = z.infer<typeof FeeLineSchema>;

export const FeeScheduleSchema = z.object({ fees: z.array(FeeLineSchema) });
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;

export const FeeScheduleQuerySchema = z.object({
  payerPack: PayerPackIdSchema.optional(),
  /** Only the lines in force on this date. */
  on: CalendarDateSchema.optional(),
});

export const FEE_CHANGE_ACTIONS = ['added', 'changed', 'removed'] as const;

/** A fee schedule line as a change recorded it. */
export const FeeSnapshotSchema = z.object({
  payerPack: z.string(),
  programId: z.string().nullable(),
  code: z.string(),
  modifiers: z.array(z.string()),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  unitChargeCents: z.number().int(),
  expectedUnitRateCents: z.number().int().nullable(),
});
export type FeeSnapshot = z.infer<typeof FeeSnapshotSchema>;

export const FeeChangeSchema = z.object({
  id: IdSchema,
  feeId: IdSchema,
  action: z.enum(FEE_CHANGE_ACTIONS),
  before: FeeSnapshotSchema.nullable(),
  after: FeeSnapshotSchema.nullable(),
  /** Who made the change; null for the upgrade that first filled the schedule. */
  changedBy: z.string().nullable(),
  changedAt: TimestampSchema,
});
export type FeeChange = z.infer<typeof FeeChangeSchema>;
export const FeeHistorySchema = z.object({ changes: z.array(FeeChangeSchema) });
export const FeeHistoryQuerySchema = z.object({ feeId: IdSchema.optional() });

export const FeeCsvImportSchema = z.object({
  /** The CSV as the export writes it: payer, program, code, modifiers, from, to, charge, expected rate. */
  csv: z
    .string()
    .min(1, { message: 'The file is empty. Export the fee schedule to see the columns.' })
    .max(1_000_000),
});
export const FeeCsvImportResultSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type FeeCsvImportResult = z.infer<typeof FeeCsvImportResultSchema>;
