/**
 * @module engine/rules/pack-schema
 * What a payer rule pack is made of, as data: the zod schema every pack definition is validated with when it
 * loads (procedures, modifiers, places of service, effective-dated rates and settings, limits, rules with their
 * citations), and the types of its parts. Below both the pack loader (pack.ts) and the plan built from a loaded
 * pack (plan.ts), so neither imports the other's module back.
 */
import { z } from 'zod';
import { OPERATORS, type Condition } from './conditions.js';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const FactValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
    z
      .object({
        fact: z.string().min(1),
        op: z.enum(OPERATORS),
        value: FactValueSchema.optional(),
        valueFact: z.string().min(1).optional(),
      })
      .strict(),
  ]),
);

export const CitationSchema = z
  .object({
    /** Seed file name (shared/seeds) or, for facts beyond the seeds, `rules-research.md`. */
    document: z.string().min(1),
    section: z.string().min(1),
    quote: z.string().min(1).max(400),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;

const SettingValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const SettingSchema = z
  .object({
    value: SettingValueSchema,
    /** Plain words: what the setting decides, and — for a choice where sources are silent — why this default. */
    description: z.string().min(1),
    choice: z.boolean().default(false),
    citation: CitationSchema.optional(),
  })
  .strict();

export const RateSchema = z
  .object({
    code: z.string().regex(/^[A-Z]\d{4}$/),
    /** Modifiers that select this rate (e.g. HQ for a group rate); the most specific match wins. */
    modifiers: z.array(z.string()).default([]),
    /** What the payer pays for one unit, in cents. */
    unitRateCents: z.number().int().min(0).optional(),
    /**
     * Instead of a fixed rate: another code's rate on file divided by a number — California's group H0025 is
     * the H0038 rate ÷ 4.5, whatever the county's H0038 rate is. "On file" is the organisation's expected
     * rate for that code (its fee schedule) or else the pack's own.
     */
    dividedFrom: z
      .object({
        code: z.string().regex(/^[A-Z]\d{4}$/),
        modifiers: z.array(z.string()).default([]),
        divisor: z.number().positive(),
      })
      .strict()
      .optional(),
    effectiveFrom: DateSchema,
    effectiveTo: DateSchema.nullable().default(null),
    citation: CitationSchema,
    note: z.string().optional(),
  })
  .strict()
  .refine((rate) => (rate.unitRateCents === undefined) !== (rate.dividedFrom === undefined), {
    message: 'Give a rate either as unitRateCents or as dividedFrom, and not both.',
    // Named on the first of the two fields, so the pack error points into the rate rather than at "(whole)".
    path: ['unitRateCents'],
  });

export const ProcedureSchema = z
  .object({
    id: z.string().min(1),
    when: ConditionSchema,
    code: z.string().regex(/^[A-Z]\d{4}$/),
    modifiers: z.array(z.string()).default([]),
    /** The payer's name for the procedure, shown on the line. */
    name: z.string().min(1),
    citation: CitationSchema,
  })
  .strict();

export const ModifierRuleSchema = z
  .object({
    modifier: z.string().regex(/^[A-Z0-9]{2}$/),
    when: ConditionSchema,
    reason: z.string(),
    citation: CitationSchema,
  })
  .strict();

export const PlaceOfServiceRuleSchema = z
  .object({
    when: ConditionSchema,
    placeOfService: z.string().regex(/^\d{2}$/),
    reason: z.string(),
    citation: CitationSchema,
  })
  .strict();

/**
 * A pack's id: lower-case words joined by hyphens, usually the state and the payer (`ks-pahp`). The API checks
 * the same form with `PayerPackIdSchema` (shared code, which the engine does not import); `pack.test.ts` pins
 * the two together.
 */
export const PackIdSchema = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'lower-case letters and digits in words joined by hyphens');

export const LIMIT_PERIODS = ['day', 'episode_state_fiscal_year', 'calendar_year'] as const;

export const LimitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    label: z.string().min(1),
    period: z.enum(LIMIT_PERIODS),
    unit: z.enum(['units', 'hours']),
    /** Name of the setting holding the maximum (so a policy change is a setting change). */
    maxSetting: z.string().min(1),
    /** The limit counts only services for which this holds (e.g. group services). */
    appliesWhen: ConditionSchema.optional(),
    citation: CitationSchema,
  })
  .strict();

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9_-]+)+$/, 'dotted lower-case, e.g. ca-dhcs.pos.excluded'),
    version: z.string().min(1),
    effectiveFrom: DateSchema,
    effectiveTo: DateSchema.nullable().default(null),
    scope: z.enum(['claim', 'staff']).default('claim'),
    severity: z.enum(['error', 'warning', 'info']),
    /** Plain-language statement of what the rule requires, for the payer rules page. */
    criterion: z.string().min(1),
    /** The rule applies only when this holds. */
    when: ConditionSchema.optional(),
    /** What must hold; when it does not, the rule reports its message. */
    require: ConditionSchema,
    /** The rule's severity drops to warning when this holds (e.g. an EPSDT justification). */
    warningWhen: ConditionSchema.optional(),
    /** Plain words telling a peer what to fix; {fact.name} placeholders are filled in. */
    message: z.string().min(1),
    /** The form field the problem is about. */
    path: z.array(z.string()).min(1),
    citation: CitationSchema,
    /** Where the sources are silent or disagree: the choice made, and the setting that controls it. */
    choice: z.string().optional(),
  })
  .strict();
export type RuleDefinition = z.infer<typeof RuleSchema>;

export const PackDefinitionSchema = z
  .object({
    id: PackIdSchema,
    name: z.string().min(1),
    version: z.string().min(1),
    /** The pack this one builds on: it inherits everything and overrides by id. */
    extends: PackIdSchema.optional(),
    /** The seed documents this pack encodes. */
    sources: z.array(z.string().min(1)).min(1),
    description: z.string().min(1),
    claimType: z.literal('professional').default('professional'),
    settings: z.record(z.string(), SettingSchema).default({}),
    procedures: z.array(ProcedureSchema).default([]),
    modifierRules: z.array(ModifierRuleSchema).default([]),
    /** Order of modifiers on a line; modifiers not listed follow in the order given. */
    modifierOrder: z.array(z.string()).default([]),
    placeOfServiceRules: z.array(PlaceOfServiceRuleSchema).default([]),
    rates: z.array(RateSchema).default([]),
    limits: z.array(LimitSchema).default([]),
    rules: z.array(RuleSchema).default([]),
    /** Ids of the base pack's rules, procedures or limits that this pack drops. */
    removes: z.array(z.string()).default([]),
  })
  .strict();
export type PackDefinition = z.input<typeof PackDefinitionSchema>;
/** A pack definition as validated, before its base is merged in. */
export type ParsedPack = z.output<typeof PackDefinitionSchema>;

export type Setting = z.output<typeof SettingSchema>;
export type Rate = z.output<typeof RateSchema>;
export type Procedure = z.output<typeof ProcedureSchema>;
export type ModifierRule = z.output<typeof ModifierRuleSchema>;
export type PlaceOfServiceRule = z.output<typeof PlaceOfServiceRuleSchema>;
export type Limit = z.output<typeof LimitSchema>;
export type Rule = RuleDefinition;
