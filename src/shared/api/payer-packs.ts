/**
 * @module shared/api/payer-packs
 * The payer rule packs as billing staff read them: codes, modifiers, rates, limits, settings (with the
 * choices made where the sources are silent) and every rule with its criterion, severity and source quote.
 */
import { z } from 'zod';
import { PayerPackIdSchema } from '../programs.js';

const CitationSchema = z.object({ document: z.string(), section: z.string(), quote: z.string() });

export const PayerPackSummarySchema = z.object({
  id: PayerPackIdSchema,
  name: z.string(),
  version: z.string(),
  extends: PayerPackIdSchema.nullable(),
  description: z.string(),
  sources: z.array(z.string()),
  claimType: z.literal('professional'),
  procedures: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      modifiers: z.array(z.string()),
      name: z.string(),
      citation: CitationSchema,
    }),
  ),
  modifiers: z.array(z.object({ modifier: z.string(), reason: z.string(), citation: CitationSchema })),
  modifierOrder: z.array(z.string()),
  placeOfServiceRules: z.array(
    z.object({ placeOfService: z.string(), reason: z.string(), citation: CitationSchema }),
  ),
  rates: z.array(
    z.object({
      code: z.string(),
      modifiers: z.array(z.string()),
      /** The payer's rate for one unit; null when the rate is another code's divided (`dividedFrom`). */
      unitRateCents: z.number().int().nullable(),
      /** California's H0025: the H0038 rate on file ÷ 4.5. */
      dividedFrom: z
        .object({ code: z.string(), modifiers: z.array(z.string()), divisor: z.number() })
        .nullable(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      note: z.string().nullable(),
      citation: CitationSchema,
    }),
  ),
  limits: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      period: z.string(),
      unit: z.string(),
      max: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
      citation: CitationSchema,
    }),
  ),
  settings: z.array(
    z.object({
      name: z.string(),
      value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
      description: z.string(),
      choice: z.boolean(),
      citation: CitationSchema.nullable(),
    }),
  ),
  rules: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      scope: z.enum(['claim', 'staff']),
      severity: z.enum(['error', 'warning', 'info']),
      criterion: z.string(),
      message: z.string(),
      choice: z.string().nullable(),
      citation: CitationSchema,
    }),
  ),
});
export type PayerPackSummary = z.infer<typeof PayerPackSummarySchema>;

export const PayerPackListResponseSchema = z.object({ packs: z.array(PayerPackSummarySchema) });
export type PayerPackListResponse = z.infer<typeof PayerPackListResponseSchema>;
