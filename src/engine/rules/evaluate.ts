/**
 * @module engine/rules/evaluate
 * Judges one service under one pack: minutes and units, the procedure code, modifiers in order, place of
 * service, charge (from the organisation's fee schedule in the request) and expected payment, room under each limit, authorization burn-down, and every rule in force on
 * the date of service — each failure a problem in plain words with its source and what it compared.
 * Pure and synchronous: the same request always gives the same answer.
 *
 * This is the hot path of claim previews and billing runs, so it works on the pack's plan (`plan.ts`): facts in
 * slots, conditions compiled against them, the claim rules run as generated code (`codegen.ts`; the compiled
 * closures explain, judge staff rules and serve as the tests' reference), and plain loops that build only the
 * objects the answer holds.
 */
import type {
  Authorization,
  ClaimLine,
  Fee,
  ClaimPreview,
  ClaimPreviewRequest,
  LimitRoom,
  RuleCheck,
} from '../../shared/api/claims.js';
import type { Problem, ProblemSource } from '../../shared/problem.js';
import { inForce } from '../calendar/index.js';
import { directMinutes, plainDirectMinutes } from '../units/direct-minutes.js';
import { hoursForUnits, unitsForMinutes } from '../units/index.js';
import { chooseAuthorization } from './authorization.js';
import {
  explainCondition,
  isList,
  type ComparisonRecord,
  type FactSlots,
  type FactValue,
} from './conditions.js';
import { factInput, referenceDeriver, type FactInput } from './facts.js';
import type { Pack, Rate } from './pack.js';
import {
  factValues,
  factsByName,
  fixedSlot,
  noOverrides,
  daySettings,
  rulesInForce,
  rulesInForceOn,
  type CompiledLimit,
  type CompiledRule,
} from './plan.js';
import { fillCompiledTemplate } from './template.js';

export { fillTemplate } from './template.js';

export interface EvaluateOptions {
  /** Record every rule evaluated with its comparisons (slower; for explanations and the rules page). */
  explainAll?: boolean;
}

/** A service's fact values by slot (see `plan.ts`). */
type Values = (FactValue | undefined)[];

const SERVICE_PATH = ['service'];

const PLACE_OF_SERVICE = fixedSlot('service.placeOfService');
const LINE_CODE = fixedSlot('line.code');
const LINE_MODIFIERS = fixedSlot('line.modifiers');
const LINE_PROCEDURE = fixedSlot('line.procedure');
const LINE_UNIT_RATE_CENTS = fixedSlot('line.unitRateCents');
const LINE_HAS_RATE = fixedSlot('line.hasRate');
const LINE_FEE_CODE = fixedSlot('line.feeCode');
const LINE_UNIT_CHARGE_CENTS = fixedSlot('line.unitChargeCents');
const LINE_HAS_CHARGE = fixedSlot('line.hasCharge');
const PAYER_NAME = fixedSlot('payer.name');
const AUTHORIZATION_NUMBER = fixedSlot('authorization.number');
const AUTHORIZATION_REMAINING_UNITS = fixedSlot('authorization.remainingUnits');
const AUTHORIZATION_COVERS = fixedSlot('authorization.covers');
const USER_MODIFIERS = fixedSlot('service.userModifiers');

export function evaluateService(
  pack: Pack,
  request: ClaimPreviewRequest,
  options?: EvaluateOptions,
): ClaimPreview {
  return judge(pack, request, options?.explainAll === true, false).preview;
}

/** The engine's answer with what billing records beside it. */
export interface Evaluation {
  preview: ClaimPreview;
  /**
   * The index in `request.authorizations` of the authorization the service draws on (`chooseAuthorization`
   * for the line's code and its procedure's modifiers), or -1 when none does: the one a claim line over a
   * limit burns, so billing records the engine's own choice. Chosen only when the pack's rules read it or the
   * service is over a limit (-1 otherwise: billing records none then).
   */
  authorization: number;
}

/**
 * `evaluateService` with the authorization the service draws on: for billing, which records the authorization
 * a line over a limit burns. The preview is the same as `evaluateService` gives.
 */
export function evaluateServiceForBilling(pack: Pack, request: ClaimPreviewRequest): Evaluation {
  return judge(pack, request, false, false);
}

/**
 * `evaluateService` deriving the facts straight off the fact table and judging the claim rules with their
 * compiled closures, instead of the generated functions (`fact-codegen.ts`, `codegen.ts`): the reference the
 * tests compare the generated code with. Not exported by the engine.
 */
export function evaluateServiceInterpreted(
  pack: Pack,
  request: ClaimPreviewRequest,
  options?: EvaluateOptions,
): ClaimPreview {
  return judge(pack, request, options?.explainAll === true, true).preview;
}

function judge(
  pack: Pack,
  request: ClaimPreviewRequest,
  explainAll: boolean,
  interpreted: boolean,
): Evaluation {
  const { plan } = pack;
  const { service } = request;
  const usualSettings = overridesNoSetting(request);
  const problems: Problem[] = [];
  let minutes = plainDirectMinutes(service);
  if (minutes === undefined) {
    const timing = directMinutes(
      { start: service.start, end: service.end, gaps: service.gaps },
      SERVICE_PATH,
    );
    for (const problem of timing.problems) {
      problems.push(problem);
    }
    minutes = timing.ok ? timing.value.directMinutes : 0;
  }
  const units = unitsForMinutes(minutes);
  const input = inputFor(pack, request, minutes, units, usualSettings);
  // The reference judges with the table-driven derivation too, so the tests hold both generated parts to it.
  const derive = interpreted ? referenceDeriver(plan.claimNeeds) : plan.deriveClaimFacts;
  const values = factValues(plan, input, usualSettings ? undefined : request.settings, derive);

  // Procedure: the first whose condition holds picks the code and its fixed modifiers.
  let procedure: Pack['procedures'][number] | undefined;
  for (const candidate of plan.procedures) {
    if (candidate.test(values)) {
      procedure = candidate.procedure;
      break;
    }
  }
  const code = procedure?.code ?? null;
  const modifiers =
    procedure === undefined
      ? []
      : lineModifiers(pack, procedure.modifiers, values, userModifiers(values, request));
  values[LINE_CODE] = code;
  values[LINE_MODIFIERS] = modifiers;
  values[LINE_PROCEDURE] = procedure?.name ?? null;

  if (values[PLACE_OF_SERVICE] === null) {
    for (const rule of plan.placeOfServiceRules) {
      if (rule.test(values)) {
        values[PLACE_OF_SERVICE] = rule.placeOfService;
        break;
      }
    }
  }

  const date = input.dateOfService;
  const procedureModifiers = procedure?.modifiers ?? [];
  const fee = code === null ? undefined : findFee(request.fees, code, procedureModifiers);
  const unitRateCents =
    code === null
      ? null
      : expectedUnitRate(pack, request.fees, fee, code, modifiers, date, input.dateOfServiceNumber);
  values[LINE_UNIT_RATE_CENTS] = unitRateCents;
  values[LINE_HAS_RATE] = unitRateCents !== null;
  values[LINE_FEE_CODE] = code === null ? null : feeCodeOf(code, procedureModifiers);
  values[LINE_UNIT_CHARGE_CENTS] = fee?.unitChargeCents ?? null;
  values[LINE_HAS_CHARGE] = fee !== undefined;
  values[PAYER_NAME] = pack.name;

  // Made at its final length: an empty array reserves room for 16 on its first push.
  const limits = new Array<LimitRoom>(plan.limits.length);
  for (let index = 0; index < limits.length; index += 1) {
    const limit = plan.limits[index];
    if (limit !== undefined) {
      limits[index] = limitRoom(limit, request, values, units);
    }
  }
  // Chosen when the pack's rules read it, and for a line over a limit (which burns it even where the pack lets
  // it through); billing records an authorization only for a line over a limit, so none is chosen otherwise.
  const authorization =
    plan.readsAuthorizations || anyOverLimit(limits)
      ? chooseAuthorization(request.authorizations, code, procedureModifiers, date)
      : -1;
  if (plan.readsAuthorizations) {
    addAuthorizationFacts(values, request.authorizations[authorization], units);
  }

  const checks: RuleCheck[] | undefined = explainAll ? [] : undefined;
  const facts = explainAll ? factsByName(plan, values) : undefined;
  const inForce = rulesInForceOn(plan, date, input.dateOfServiceNumber);
  if (checks === undefined && inForce.runClaim !== undefined && !interpreted) {
    // The generated function: the same problems in the same order as the loop below, faster (codegen.ts).
    inForce.runClaim(values, problems, problemOf);
  } else {
    for (const compiled of inForce.claim) {
      if (compiled.applies !== undefined && !compiled.applies(values)) {
        continue;
      }
      const passed = compiled.holds(values);
      if (facts !== undefined && checks !== undefined) {
        const comparisons: ComparisonRecord[] = [];
        explainCondition(compiled.rule.require, facts, comparisons);
        checks.push({ ruleId: compiled.rule.id, ruleVersion: compiled.rule.version, passed, comparisons });
      }
      if (!passed) {
        problems.push(problemOf(compiled, values));
      }
    }
  }

  let billable = true;
  for (const problem of problems) {
    if (problem.severity === 'error') {
      billable = false;
      break;
    }
  }
  const placeOfService = values[PLACE_OF_SERVICE];
  // No fee on file: the line shows a charge of 0, and `charge.present` makes the service not billable.
  const unitChargeCents = fee?.unitChargeCents ?? 0;
  const lines: ClaimLine[] =
    code === null
      ? []
      : [
          {
            code,
            modifiers,
            procedure: procedure?.name ?? code,
            units,
            unitChargeCents,
            chargeCents: units * unitChargeCents,
            unitRateCents,
            expectedCents: unitRateCents === null ? null : units * unitRateCents,
            placeOfService: typeof placeOfService === 'string' ? placeOfService : '',
          },
        ];
  const packInfo = { id: pack.id, version: pack.version, name: pack.name };
  if (checks !== undefined) {
    return {
      preview: {
        pack: packInfo,
        billable,
        lines,
        problems,
        limits,
        minutes,
        noteDueOn: input.noteDueOn,
        checks,
      },
      authorization,
    };
  }
  return {
    preview: { pack: packInfo, billable, lines, problems, limits, minutes, noteDueOn: input.noteDueOn },
    authorization,
  };
}

/**
 * True when the request overrides no setting (the usual case, which needs no lookups). On the way it reads one
 * field of each record of the request that evaluation goes on to read, all in one go.
 *
 * A request is a tree of small objects spread over the heap, and in a billing run over stored notes each one
 * is likely a cache miss. Where evaluation first needs them, one after another, the processor waits for each
 * miss in turn; read here together, the misses are fetched in parallel, which made evaluation 5–10 % faster
 * (docs/PERFORMANCE.md). The reads only ever send a request down the general path for settings (when a
 * record lacked what every parsed request has), which gives the same answer, so they cannot change a preview.
 */
function overridesNoSetting(request: ClaimPreviewRequest): boolean {
  const { member, staff, settings } = request;
  // The records (each read below is of a different object), then what they hold, then what that holds. Not
  // the service's fields: each read of one is costly (see the header of fact-table.ts), so evaluation reads
  // them once, where it needs them.
  const { coverage, consents, carePlan } = member;
  const { certification } = staff;
  const records =
    noOverrides(settings) &&
    request.history.unitsSameDayByCode !== undefined &&
    request.program.type !== undefined &&
    staff.taxonomy !== undefined;
  const first = coverage[0];
  const held =
    member.dateOfBirth.length > 0 &&
    (consents.telehealth === undefined || consents.telehealth.length > 0) &&
    (carePlan?.approvedOn === undefined || carePlan.approvedOn.length > 0) &&
    (certification === undefined || certification.type !== undefined);
  return (
    records &&
    held &&
    (first === undefined || first.from.length > 0) &&
    (certification?.expiresOn === undefined || certification.expiresOn.length > 0)
  );
}

/** Evaluates the staff-compliance rules of a pack for one staff member on a date (no service involved). */
export function evaluateStaffRules(pack: Pack, request: ClaimPreviewRequest): Problem[] {
  const usualSettings = noOverrides(request.settings);
  const input = inputFor(pack, request, 0, 0, usualSettings);
  const values = factValues(
    pack.plan,
    input,
    usualSettings ? undefined : request.settings,
    pack.plan.deriveStaffFacts,
  );
  const problems: Problem[] = [];
  for (const compiled of rulesInForce(pack.plan, request.service.dateOfService).staff) {
    if ((compiled.applies === undefined || compiled.applies(values)) && !compiled.holds(values)) {
      problems.push(problemOf(compiled, values));
    }
  }
  return problems;
}

/** What the facts are derived from, with the note and supervisor-training days as the request overrides them. */
function inputFor(
  pack: Pack,
  request: ClaimPreviewRequest,
  minutes: number,
  units: number,
  usual: boolean,
): FactInput {
  const days = usual ? pack.plan.days : daySettings(pack.settings, request.settings);
  return factInput(request, minutes, units, pack.id, days);
}

/**
 * The line's modifiers: the procedure's, then those the pack's rules add, then the user's; each once, those the
 * pack's order lists in that order, then the others in the order given.
 */
function lineModifiers(
  pack: Pack,
  fixed: readonly string[],
  values: Values,
  user: readonly string[],
): string[] {
  const given: string[] = [];
  for (const modifier of fixed) {
    addOnce(given, modifier);
  }
  for (const rule of pack.plan.modifierRules) {
    if (rule.test(values)) {
      addOnce(given, rule.modifier);
    }
  }
  for (const modifier of user) {
    addOnce(given, modifier);
  }
  if (given.length < 2) {
    return given;
  }
  // Insertion sort by rank. Modifiers the order does not list rank after all it lists, and among themselves by
  // position, which the sort never swaps, so they stay in the order given.
  const order = pack.modifierOrder;
  for (let index = 1; index < given.length; index += 1) {
    const modifier = given[index] ?? '';
    const rank = modifierRank(order, modifier, index);
    let to = index;
    for (; to > 0 && modifierRank(order, given[to - 1] ?? '', to - 1) > rank; to -= 1) {
      given[to] = given[to - 1] ?? '';
    }
    given[to] = modifier;
  }
  return given;
}

/** The modifiers the user chose, as the facts hold them (read from the service once, see `fact-table.ts`). */
function userModifiers(values: Values, request: ClaimPreviewRequest): readonly string[] {
  const user = values[USER_MODIFIERS];
  return isList(user) ? user : request.service.modifiers;
}

/** A modifier's place on the line: its place in the pack's order, or after all of those by its position. */
function modifierRank(order: readonly string[], modifier: string, position: number): number {
  const listed = order.indexOf(modifier);
  return listed === -1 ? order.length + position : listed;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) {
    list.push(item);
  }
}

/**
 * The fee for the code whose modifiers are exactly the procedure's: a group's H0038 HQ is priced by the
 * H0038 HQ fee, never by the individual H0038 one; modifiers the line gains besides (telehealth, U7) do not
 * change the price.
 */
function findFee(fees: readonly Fee[], code: string, procedureModifiers: readonly string[]): Fee | undefined {
  for (const fee of fees) {
    if (
      fee.code === code &&
      fee.modifiers.length === procedureModifiers.length &&
      containsAll(fee.modifiers, procedureModifiers)
    ) {
      return fee;
    }
  }
  return undefined;
}

/** How billing staff find the fee a line needs: the code and its procedure modifiers, e.g. "H0038 HQ". */
function feeCodeOf(code: string, procedureModifiers: readonly string[]): string {
  return procedureModifiers.length === 0 ? code : `${code} ${procedureModifiers.join(' ')}`;
}

/**
 * What the payer is expected to pay for one unit: the fee schedule's expected rate, else the pack's rate in
 * force — a fixed one, or another code's rate on file divided (California's H0025 = the H0038 rate ÷ 4.5) —
 * else null (nothing on file: North Carolina until the organisation enters WellCare's contracted rate).
 */
function expectedUnitRate(
  pack: Pack,
  fees: readonly Fee[],
  fee: Fee | undefined,
  code: string,
  modifiers: readonly string[],
  date: string,
  dateNumber: number,
): number | null {
  if (fee !== undefined && fee.expectedUnitRateCents !== null) return fee.expectedUnitRateCents;
  const rate = findRate(pack, code, modifiers, date, dateNumber);
  if (rate === undefined) return null;
  if (rate.unitRateCents !== undefined) return rate.unitRateCents;
  if (rate.dividedFrom === undefined) return null;
  const { code: sourceCode, modifiers: sourceModifiers, divisor } = rate.dividedFrom;
  const sourceRate =
    findFee(fees, sourceCode, sourceModifiers)?.expectedUnitRateCents ??
    findRate(pack, sourceCode, sourceModifiers, date, dateNumber)?.unitRateCents;
  return sourceRate === undefined || sourceRate === null ? null : Math.round(sourceRate / divisor);
}

/**
 * The rate in force for the code on the date whose selecting modifiers are all on the line; most specific wins.
 * The date is compared as its YYYYMMDD number (`dateNumber`) with the plan's dated rates; a date that is not one
 * (a negative number) is compared as a string, as the rates' own dates are.
 */
function findRate(
  pack: Pack,
  code: string,
  modifiers: readonly string[],
  date: string,
  dateNumber: number,
): Rate | undefined {
  let best: Rate | undefined;
  for (const { rate, from, to } of pack.plan.rates) {
    const rateInForce =
      dateNumber < 0
        ? inForce(date, rate.effectiveFrom, rate.effectiveTo)
        : from <= dateNumber && dateNumber <= to;
    if (rate.code !== code || !rateInForce || !containsAll(modifiers, rate.modifiers)) {
      continue;
    }
    if (best === undefined || rate.modifiers.length > best.modifiers.length) {
      best = rate;
    }
  }
  return best;
}

function containsAll(list: readonly string[], items: readonly string[]): boolean {
  for (const item of items) {
    if (!list.includes(item)) {
      return false;
    }
  }
  return true;
}

function limitRoom(
  compiled: CompiledLimit,
  request: ClaimPreviewRequest,
  values: Values,
  units: number,
): LimitRoom {
  const { limit } = compiled;
  const max = values[compiled.maxSetting];
  const limitValue = typeof max === 'number' ? max : 0;
  const counts = compiled.applies === undefined || compiled.applies(values);
  const usedBefore = usedUnder(limit.period, request, values[LINE_CODE]);
  // Hours are the billed units' hours (units × 15 minutes), as the history counts the earlier lines.
  const amount = limit.unit === 'hours' ? hoursForUnits(units) : units;
  const thisService = counts ? amount : 0;
  const after = round2(usedBefore + thisService);
  const remaining = round2(limitValue - after);
  values[compiled.usedBefore] = usedBefore;
  values[compiled.after] = after;
  values[compiled.max] = limitValue;
  values[compiled.over] = counts && after > limitValue;
  values[compiled.thisService] = thisService;
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

function usedUnder(
  period: Pack['limits'][number]['period'],
  request: ClaimPreviewRequest,
  code: FactValue | undefined,
): number {
  switch (period) {
    case 'day':
      return typeof code === 'string' ? (request.history.unitsSameDayByCode[code] ?? 0) : 0;
    case 'episode_state_fiscal_year':
      return request.history.episodeFiscalYearUnits;
    case 'calendar_year':
      return request.history.calendarYearGroupHours;
  }
}

/** Whether this service takes any limit past its maximum (a plain loop: this runs for every service). */
function anyOverLimit(limits: readonly (LimitRoom | undefined)[]): boolean {
  for (const room of limits) {
    if (room !== undefined && room.remaining < 0) return true;
  }
  return false;
}

/** The authorization the service draws on (see `chooseAuthorization`); burns down by this service's units. */
function addAuthorizationFacts(values: Values, best: Authorization | undefined, units: number): void {
  const remaining = best === undefined ? 0 : best.units - best.usedUnits;
  values[AUTHORIZATION_NUMBER] = best?.number ?? null;
  values[AUTHORIZATION_REMAINING_UNITS] = remaining;
  values[AUTHORIZATION_COVERS] = best !== undefined && remaining >= units;
}

function problemOf(compiled: CompiledRule, values: FactSlots): Problem {
  const { rule } = compiled;
  const severity = compiled.downgrade !== undefined && compiled.downgrade(values) ? 'warning' : rule.severity;
  return {
    severity,
    code: rule.id,
    message: fillCompiledTemplate(compiled.message, values),
    path: copyPath(rule.path),
    source: copySource(compiled.source),
  };
}

/**
 * A problem's own copy of its rule's path. Paths are one to three segments, and an array literal of that length
 * is built inline, where `slice` is a call into a builtin (copying path and source cost about 5 % of evaluation).
 */
function copyPath(path: readonly string[]): string[] {
  switch (path.length) {
    case 1:
      return [path[0] ?? ''];
    case 2:
      return [path[0] ?? '', path[1] ?? ''];
    case 3:
      return [path[0] ?? '', path[1] ?? '', path[2] ?? ''];
    default:
      return path.slice();
  }
}

/**
 * A problem's own copy of its rule's source, written as a literal of the one shape every compiled source has:
 * V8 allocates it inline, where a spread of it went through a slower generic clone.
 */
function copySource(source: Readonly<ProblemSource>): ProblemSource {
  return {
    document: source.document,
    section: source.section,
    quote: source.quote,
    ruleId: source.ruleId,
    ruleVersion: source.ruleVersion,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
