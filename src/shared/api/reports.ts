/**
 * @module shared/api/reports
 * The reports API's contract: billed units and amounts by payer, program, peer, code and month; note
 * timeliness (on time, late with a reason, late without) per program and per peer; and prior authorization
 * use. Every report takes the same query — a range of dates of service, optionally one program or payer —
 * and each has a JSON and a CSV form. Amounts are whole cents; shares are percentages with one decimal.
 */
import { z } from 'zod';
import { PayerPackIdSchema } from '../programs.js';
import { CalendarDateSchema, IdSchema } from './common.js';

/** The longest range one report covers, so a mistyped year cannot ask for decades. */
export const REPORT_MAX_DAYS = 731;

/** A person (peer, member) as reports name them. */
const NamedSchema = z.object({ id: IdSchema, displayName: z.string() });

/** A share of a whole, as a percentage rounded to one decimal; null when the whole is zero. */
const PercentSchema = z.number().min(0).nullable();

export const ReportQuerySchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    programId: IdSchema.optional(),
    payerPack: PayerPackIdSchema.optional(),
  })
  .superRefine((query, ctx) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / (24 * 60 * 60 * 1000);
    // A date that is not one has its own message; the range is judged once both are dates.
    if (Number.isNaN(days)) return;
    if (days < 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'The first date of service must be on or before the last.',
        path: ['to'],
      });
    } else if (days > REPORT_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        message: 'Choose at most two years of dates of service.',
        path: ['from'],
      });
    }
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

// ——— Billed units and amounts ———

/** Units, charges and expected payment of current, counting claim lines. */
export const BilledFiguresSchema = z.object({
  lines: z.number().int(),
  units: z.number().int(),
  /** What the lines charged (the 837's SV102). */
  chargeCents: z.number().int(),
  /** What the payers are expected to pay for the lines whose rate was known. */
  expectedCents: z.number().int(),
  /** Lines billed with no expected rate on file (not in `expectedCents`). */
  linesWithoutRate: z.number().int(),
});
export type BilledFigures = z.infer<typeof BilledFiguresSchema>;

export const BilledRowSchema = BilledFiguresSchema.extend({
  payerPack: PayerPackIdSchema,
  program: NamedSchema,
  peer: NamedSchema,
  code: z.string(),
  /** The month of the dates of service, YYYY-MM. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
});
export type BilledRow = z.infer<typeof BilledRowSchema>;

export const BilledReportSchema = z.object({
  /** One row per payer, program, rendering peer, code and month, in that order. */
  rows: z.array(BilledRowSchema),
  /** Every month of the range, in order, months with nothing billed included (the chart's bars). */
  byMonth: z.array(BilledFiguresSchema.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) })),
  totals: BilledFiguresSchema,
});
export type BilledReport = z.infer<typeof BilledReportSchema>;

// ——— Note timeliness ———

/** Signed notes counted by when they were signed against their due date. */
export const TimelinessFiguresSchema = z.object({
  signed: z.number().int(),
  /** Signed on or before the due date, in the program's time zone. */
  onTime: z.number().int(),
  lateWithReason: z.number().int(),
  lateWithoutReason: z.number().int(),
  onTimePercent: PercentSchema,
  lateWithReasonPercent: PercentSchema,
  lateWithoutReasonPercent: PercentSchema,
});
export type TimelinessFigures = z.infer<typeof TimelinessFiguresSchema>;

export const TimelinessReportSchema = z.object({
  byProgram: z.array(TimelinessFiguresSchema.extend({ program: NamedSchema })),
  byPeer: z.array(TimelinessFiguresSchema.extend({ peer: NamedSchema })),
  totals: TimelinessFiguresSchema,
});
export type TimelinessReport = z.infer<typeof TimelinessReportSchema>;

// ——— Authorization use ———

export const AuthorizationUseSchema = z.object({
  id: IdSchema,
  number: z.string(),
  member: NamedSchema,
  payerPack: PayerPackIdSchema,
  code: z.string(),
  /** The procedure modifiers it covers with the code, e.g. ['HQ'] for group services ([] for individual). */
  modifiers: z.array(z.string()),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  units: z.number().int(),
  /** Units of current, counting claim lines citing the authorization, whatever their date. */
  usedUnits: z.number().int(),
  remainingUnits: z.number().int(),
  usedPercent: PercentSchema,
  /** Days it is still valid, today included; 0 once it has ended. */
  daysLeft: z.number().int().min(0),
});
export type AuthorizationUse = z.infer<typeof AuthorizationUseSchema>;

export const AuthorizationUseReportSchema = z.object({
  /** Authorizations valid on any day of the range, ending first listed first. */
  authorizations: z.array(AuthorizationUseSchema),
  /** The organisation's date the days left are counted from. */
  today: CalendarDateSchema,
});
export type AuthorizationUseReport = z.infer<typeof AuthorizationUseReportSchema>;

/** The reports, by the name their routes carry. */
export const REPORT_NAMES = ['billed', 'timeliness', 'authorizations'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
