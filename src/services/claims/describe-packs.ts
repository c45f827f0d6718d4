/**
 * @module services/claims/describe-packs
 * The loaded payer rule packs as billing staff read them (`GET /api/v1/payer-packs`, the rules page): every
 * code, modifier, rate, limit, setting and rule, each with its source — the engine's compiled conditions left
 * out.
 */
import { allPacks, type Citation, type Pack, type Setting } from '../../engine/index.js';
import type { PayerPackSummary } from '../../shared/api/payer-packs.js';

type SummaryCitation = PayerPackSummary['rules'][number]['citation'];
type SettingValue = Setting['value'];

/**
 * Summarises every loaded pack, base packs first, in the contract of `PayerPackSummarySchema`.
 *
 * @example
 * const rules = describePacks().flatMap((pack) => pack.rules);
 */
export function describePacks(): PayerPackSummary[] {
  return allPacks().map(describePack);
}

/**
 * Summarises one pack. A limit's `max` is the current value of the setting that holds it.
 *
 * @param pack - a pack as loaded by the engine (base merged in)
 * @throws Error when a limit names a setting the pack lacks (the engine refuses such packs when loading)
 */
export function describePack(pack: Pack): PayerPackSummary {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    extends: pack.extends ?? null,
    description: pack.description,
    sources: [...pack.sources],
    claimType: pack.claimType,
    procedures: pack.procedures.map((procedure) => ({
      id: procedure.id,
      code: procedure.code,
      modifiers: [...procedure.modifiers],
      name: procedure.name,
      citation: citationOf(procedure.citation),
    })),
    modifiers: pack.modifierRules.map((rule) => ({
      modifier: rule.modifier,
      reason: rule.reason,
      citation: citationOf(rule.citation),
    })),
    modifierOrder: [...pack.modifierOrder],
    placeOfServiceRules: pack.placeOfServiceRules.map((rule) => ({
      placeOfService: rule.placeOfService,
      reason: rule.reason,
      citation: citationOf(rule.citation),
    })),
    rates: pack.rates.map((rate) => ({
      code: rate.code,
      modifiers: [...rate.modifiers],
      unitRateCents: rate.unitRateCents ?? null,
      dividedFrom:
        rate.dividedFrom === undefined
          ? null
          : { ...rate.dividedFrom, modifiers: [...rate.dividedFrom.modifiers] },
      effectiveFrom: rate.effectiveFrom,
      effectiveTo: rate.effectiveTo,
      note: rate.note ?? null,
      citation: citationOf(rate.citation),
    })),
    limits: pack.limits.map((limit) => {
      const setting = pack.settings[limit.maxSetting];
      if (setting === undefined) {
        throw new Error(`Pack ${pack.id}: limit ${limit.id} names no setting "${limit.maxSetting}".`);
      }
      return {
        id: limit.id,
        label: limit.label,
        period: limit.period,
        unit: limit.unit,
        max: copyValue(setting.value),
        citation: citationOf(limit.citation),
      };
    }),
    settings: Object.entries(pack.settings).map(([name, setting]) => ({
      name,
      value: copyValue(setting.value),
      description: setting.description,
      choice: setting.choice,
      citation: setting.citation === undefined ? null : citationOf(setting.citation),
    })),
    rules: pack.rules.map((rule) => ({
      id: rule.id,
      version: rule.version,
      effectiveFrom: rule.effectiveFrom,
      effectiveTo: rule.effectiveTo,
      scope: rule.scope,
      severity: rule.severity,
      criterion: rule.criterion,
      message: rule.message,
      choice: rule.choice ?? null,
      citation: citationOf(rule.citation),
    })),
  };
}

function citationOf(citation: Citation): SummaryCitation {
  return { document: citation.document, section: citation.section, quote: citation.quote };
}

/** Copies list values so a caller editing the summary cannot change the loaded pack. */
function copyValue(value: SettingValue): SettingValue {
  return Array.isArray(value) ? [...value] : value;
}
