/**
 * @module engine/rules/evaluate
 * Judges one service under one pack: minutes and units, the procedure code, modifiers in order, place of
 * service, unit rate and amount, room under each limit, authorization burn-down, and every rule in force on
 * the date of service — each failure a problem in plain words with its source and what it compared.
 * Pure and synchronous: the same request always gives the same answer.
 */
import type {
  Authorization,
  ClaimLine,
  ClaimPreview,
  ClaimPreviewRequest,
  LimitRoom,
  RuleCheck,
} from '../../shared/api/claims.js';
import type { Problem } from '../../shared/problem.js';
import { directMinutes, unitsForMinutes } from '../units/index.js';
import { explainCondition, type ComparisonRecord, type FactValue } from './conditions.js';
import { deriveFacts, type MutableFacts } from './facts.js';
import type { Limit, Pack, Rate, Rule } from './pack.js';

export interface EvaluateOptions {
  /** Record every rule evaluated with its comparisons (slower; for explanations and the rules page). */
  explainAll?: boolean;
}

const SERVICE_PATH = ['service'];

export function evaluateService(
  pack: Pack,
  request: ClaimPreviewRequest,
  options: EvaluateOptions = {},
): ClaimPreview {
  const problems: Problem[] = [];
  const { service } = request;
  const timing = directMinutes({ start: service.start, end: service.end, gaps: service.gaps }, SERVICE_PATH);
  problems.push(...timing.problems);
  const minutes = timing.ok ? timing.value.directMinutes : 0;
  const units = unitsForMinutes(minutes);
  const facts = factsFor(pack, request, { minutes, units });

  // Procedure: the first whose condition holds picks the code and its fixed modifiers.
  const procedure = pack.procedures.find((candidate) => candidate.test(facts));
  const code = procedure?.code ?? null;
  const modifiers =
    code === null
      ? []
      : orderModifiers(pack, [
          ...(procedure?.modifiers ?? []),
          ...pack.modifierRules.filter((rule) => rule.test(facts)).map((rule) => rule.modifier),
          ...service.modifiers,
        ]);
  facts['line.code'] = code;
  facts['line.modifiers'] = modifiers;
  facts['line.procedure'] = procedure?.name ?? null;

  if (facts['service.placeOfService'] === null) {
    const derived = pack.placeOfServiceRules.find((rule) => rule.test(facts));
    facts['service.placeOfService'] = derived?.placeOfService ?? null;
  }

  const rate = code === null ? undefined : findRate(pack.rates, code, modifiers, service.dateOfService);
  facts['line.unitRateCents'] = rate?.unitRateCents ?? null;
  facts['line.hasRate'] = rate !== undefined;

  const limits = pack.limits.map((limit) => limitRoom(limit, request, facts));
  addAuthorizationFacts(facts, request.authorizations, code, service.dateOfService, units);

  const checks: RuleCheck[] = [];
  for (const rule of pack.rules) {
    if (rule.scope !== 'claim' || !inForce(rule, service.dateOfService)) {
      continue;
    }
    if (rule.applies !== undefined && !rule.applies(facts)) {
      continue;
    }
    const passed = rule.holds(facts);
    if (passed && options.explainAll !== true) {
      continue;
    }
    const comparisons: ComparisonRecord[] = [];
    explainCondition(rule.require, facts, comparisons);
    if (options.explainAll === true) {
      checks.push({ ruleId: rule.id, ruleVersion: rule.version, passed, comparisons });
    }
    if (!passed) {
      problems.push(problemOf(rule, facts));
    }
  }

  const lines: ClaimLine[] =
    code === null
      ? []
      : [
          {
            code,
            modifiers,
            procedure: procedure?.name ?? code,
            units,
            unitRateCents: rate?.unitRateCents ?? 0,
            amountCents: units * (rate?.unitRateCents ?? 0),
            placeOfService:
              typeof facts['service.placeOfService'] === 'string' ? facts['service.placeOfService'] : '',
          },
        ];
  const preview: ClaimPreview = {
    pack: { id: pack.id, version: pack.version, name: pack.name },
    billable: !problems.some((problem) => problem.severity === 'error'),
    lines,
    problems,
    limits,
    minutes,
    noteDueOn: typeof facts['service.noteDueOn'] === 'string' ? facts['service.noteDueOn'] : null,
  };
  return options.explainAll === true ? { ...preview, checks } : preview;
}

/** Evaluates the staff-compliance rules of a pack for one staff member on a date (no service involved). */
export function evaluateStaffRules(pack: Pack, request: ClaimPreviewRequest): Problem[] {
  const facts = factsFor(pack, request, { minutes: 0, units: 0 });
  return pack.rules
    .filter((rule) => rule.scope === 'staff' && inForce(rule, request.service.dateOfService))
    .filter((rule) => (rule.applies === undefined || rule.applies(facts)) && !rule.holds(facts))
    .map((rule) => problemOf(rule, facts));
}

/** The request's facts plus every pack setting as `settings.<name>` (a request may override a known one). */
function factsFor(
  pack: Pack,
  request: ClaimPreviewRequest,
  timing: { minutes: number; units: number },
): MutableFacts {
  const overrides = request.settings;
  const numberSetting = (name: string, fallback: number): number => {
    const value = overrides[name] ?? pack.settings[name]?.value;
    return typeof value === 'number' ? value : fallback;
  };
  const facts = deriveFacts(request, timing, {
    payerPack: pack.id,
    noteDueBusinessDays: numberSetting('noteDueBusinessDays', 3),
    supervisorTrainingDays: numberSetting('supervisorTrainingDays', 60),
  });
  for (const [factName, name, value] of pack.settingFacts) {
    facts[factName] = overrides[name] ?? value;
  }
  return facts;
}

function inForce(rule: Rule, date: string): boolean {
  return rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo);
}

function orderModifiers(pack: Pack, modifiers: readonly string[]): string[] {
  const unique = [...new Set(modifiers)];
  const rank = (modifier: string): number => {
    const index = pack.modifierOrder.indexOf(modifier);
    return index === -1 ? pack.modifierOrder.length + unique.indexOf(modifier) : index;
  };
  return unique.sort((a, b) => rank(a) - rank(b));
}

/** The rate in force for the code on the date whose selecting modifiers are all on the line; most specific wins. */
function findRate(
  rates: readonly Rate[],
  code: string,
  modifiers: readonly string[],
  date: string,
): Rate | undefined {
  let best: Rate | undefined;
  for (const rate of rates) {
    if (
      rate.code !== code ||
      rate.effectiveFrom > date ||
      (rate.effectiveTo !== null && date > rate.effectiveTo)
    ) {
      continue;
    }
    if (!rate.modifiers.every((modifier) => modifiers.includes(modifier))) {
      continue;
    }
    if (best === undefined || rate.modifiers.length > best.modifiers.length) {
      best = rate;
    }
  }
  return best;
}

function limitRoom(limit: Limit, request: ClaimPreviewRequest, facts: MutableFacts): LimitRoom {
  const names = limit.factNames;
  const max = facts[names.maxSetting];
  const limitValue = typeof max === 'number' ? max : 0;
  const counts = limit.applies === undefined || limit.applies(facts);
  const usedBefore = usedUnder(limit, request);
  const amount =
    limit.unit === 'hours' ? round2(Number(facts['service.hours'])) : Number(facts['service.units']);
  const thisService = counts ? amount : 0;
  const after = round2(usedBefore + thisService);
  const remaining = round2(limitValue - after);
  facts[names.usedBefore] = usedBefore;
  facts[names.after] = after;
  facts[names.max] = limitValue;
  facts[names.over] = counts && after > limitValue;
  facts[names.thisService] = thisService;
  return {
    id: limit.id,
    label: limit.label,
    period: limit.period,
    limit: limitValue,
    usedBefore,
    thisService,
    remaining,
    unit: limit.unit,
  };
}

function usedUnder(limit: Limit, request: ClaimPreviewRequest): number {
  switch (limit.period) {
    case 'day':
      return request.history.unitsSameDaySameCode;
    case 'episode_state_fiscal_year':
      return request.history.episodeFiscalYearUnits;
    case 'calendar_year':
      return request.history.calendarYearGroupHours;
  }
}

/** An authorization for the code covering the date with units left; burns down by this service's units. */
function addAuthorizationFacts(
  facts: MutableFacts,
  authorizations: readonly Authorization[],
  code: string | null,
  date: string,
  units: number,
): void {
  const matching = authorizations.filter(
    (authorization) => authorization.code === code && authorization.from <= date && date <= authorization.to,
  );
  const best = matching.sort((a, b) => b.units - b.usedUnits - (a.units - a.usedUnits))[0];
  const remaining = best === undefined ? 0 : best.units - best.usedUnits;
  facts['authorization.number'] = best?.number ?? null;
  facts['authorization.remainingUnits'] = remaining;
  facts['authorization.covers'] = best !== undefined && remaining >= units;
}

function problemOf(rule: Rule, facts: MutableFacts): Problem {
  const severity = rule.downgrade !== undefined && rule.downgrade(facts) ? 'warning' : rule.severity;
  return {
    severity,
    code: rule.id,
    message: fillTemplate(rule.message, facts),
    path: [...rule.path],
    source: {
      document: rule.citation.document,
      section: rule.citation.section,
      quote: rule.citation.quote,
      ruleId: rule.id,
      ruleVersion: rule.version,
    },
  };
}

/** Fills `{fact.name}` placeholders with the facts' values, in words. */
export function fillTemplate(template: string, facts: MutableFacts): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => describeValue(facts[name]));
}

function describeValue(value: FactValue | undefined): string {
  if (value === undefined || value === null) {
    return 'none';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.join(', ');
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  }
  return String(value);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
