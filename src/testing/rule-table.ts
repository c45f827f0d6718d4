/**
 * @module testing/rule-table
 * Table-driven tests for payer rule packs. Each row names the source line it checks and gives two edits of
 * a billable base request: one the rule accepts, one it refuses. The runner also insists that every rule
 * of the pack has a row, so a rule cannot be added untested. A staff rule (scope `staff`) is judged as staff
 * compliance judges it, with `evaluateStaffRules` on the request's staff member and date, since
 * `evaluateService` never evaluates it: a row judged on the claim would pass whatever the rule said.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  evaluateService,
  evaluateStaffRules,
  getPack,
  type Pack,
  type Rule,
} from '../engine/index.js';
import {
  ClaimPreviewRequestSchema,
  type ClaimPreview,
  type ClaimPreviewRequest,
  type Fee,
} from '../shared/api/claims.js';
import type { Problem } from '../shared/problem.js';
import type { PayerPackId } from '../shared/programs.js';

export type Edit = (request: ClaimPreviewRequest) => void;

export interface RuleCase {
  /** The seed section (or research line) the rule comes from: the test's name. */
  source: string;
  rule: string;
  /** An edit the rule accepts (omit when the base request already passes). */
  pass?: Edit;
  /** An edit the rule refuses. */
  fail: Edit;
  /** Expected severity when it fails (default: the rule's own). */
  severity?: 'error' | 'warning' | 'info';
  /** Words the failure message must contain. */
  messageIncludes?: string;
}

/** The charge per unit `feesForPack` gives every code: $50.00 (a group's HQ: $5.00). */
export const TEST_UNIT_CHARGE_CENTS = 5000;
export const TEST_GROUP_UNIT_CHARGE_CENTS = 500;

/**
 * A fee schedule for every code and procedure modifiers the pack bills, as an organisation's would be: a
 * charge per unit ({@link TEST_UNIT_CHARGE_CENTS}; HQ lines {@link TEST_GROUP_UNIT_CHARGE_CENTS}) and the
 * expected rate left to the pack's own, so a base request is billable and priced as the pack says.
 */
export function feesForPack(packId: PayerPackId): Fee[] {
  const pack = requirePack(packId);
  const seen = new Set<string>();
  const fees: Fee[] = [];
  for (const procedure of pack.procedures) {
    const modifiers = [...procedure.modifiers].sort();
    const key = [procedure.code, ...modifiers].join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    fees.push({
      code: procedure.code,
      modifiers,
      unitChargeCents: modifiers.includes('HQ') ? TEST_GROUP_UNIT_CHARGE_CENTS : TEST_UNIT_CHARGE_CENTS,
      expectedUnitRateCents: null,
    });
  }
  return fees;
}

/** Parses a request through the API schema, so defaults apply exactly as for a real caller. */
export function parseRequest(input: unknown): ClaimPreviewRequest {
  return ClaimPreviewRequestSchema.parse(input);
}

export function evaluate(packId: PayerPackId, request: ClaimPreviewRequest): ClaimPreview {
  const pack = requirePack(packId);
  return evaluateService(pack, request);
}

export function requirePack(packId: PayerPackId): Pack {
  const pack = getPack(packId);
  if (pack === undefined) {
    throw new Error(`pack ${packId} is not loaded`);
  }
  return pack;
}

export function problemCodes(preview: ClaimPreview): string[] {
  return preview.problems.map((problem) => problem.code);
}

/**
 * The problems the pack finds with the request where `rule` is judged: the staff rules through
 * `evaluateStaffRules`, every other rule through `evaluateService`. An unknown rule is judged on the claim, so
 * the row still runs and the test names the missing rule.
 */
export function problemsWhereJudged(
  packId: PayerPackId,
  rule: Rule | undefined,
  request: ClaimPreviewRequest,
): Problem[] {
  const scope = rule?.scope ?? 'claim';
  switch (scope) {
    case 'staff':
      return evaluateStaffRules(requirePack(packId), request);
    case 'claim':
      return evaluate(packId, request).problems;
  }
}

/**
 * Registers the table: the base is billable with no errors; each rule passes and fails as its row says, judged
 * where the rule's scope says (`problemsWhereJudged`); every rule of the pack, claim or staff, appears in some
 * row.
 */
export function describeRuleTable(
  packId: PayerPackId,
  base: () => ClaimPreviewRequest,
  cases: readonly RuleCase[],
): void {
  const pack = requirePack(packId);
  describe(`${packId} rule table`, () => {
    it('starts from a billable base service with no errors', () => {
      const preview = evaluate(packId, base());
      expect(preview.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(preview.billable).toBe(true);
    });

    for (const row of cases) {
      const rule = pack.rules.find((candidate) => candidate.id === row.rule);
      describe(`${row.source} — ${row.rule}`, () => {
        it('passes', () => {
          expect(rule, `rule ${row.rule} is not in pack ${packId}`).toBeDefined();
          const request = base();
          row.pass?.(request);
          const codes = problemsWhereJudged(packId, rule, request).map((problem) => problem.code);
          expect(codes).not.toContain(row.rule);
        });
        it('fails', () => {
          const request = base();
          row.fail(request);
          const problem = problemsWhereJudged(packId, rule, request).find(
            (candidate) => candidate.code === row.rule,
          );
          expect(problem, `rule ${row.rule} did not report`).toBeDefined();
          expect(problem?.severity).toBe(row.severity ?? rule?.severity);
          expect(problem?.source?.document).toBe(rule?.citation.document);
          expect(problem?.message).not.toMatch(/\{[^}]+\}/);
          if (row.messageIncludes !== undefined) {
            expect(problem?.message).toContain(row.messageIncludes);
          }
        });
      });
    }

    it('has a row for every rule of the pack, claim and staff rules alike', () => {
      const tested = new Set(cases.map((row) => row.rule));
      const untested = pack.rules.filter((rule) => !tested.has(rule.id)).map((rule) => rule.id);
      expect(untested).toEqual([]);
    });
  });
}

export interface CommonRuleOptions {
  /** Id prefix of the common rules: the pack's own id, or its base pack's when it inherits them. */
  prefix: string;
  /** Turns the base into a service the pack has no code for; null when the pack replaced that rule. */
  uncoveredService: Edit | null;
}

/**
 * Rows for the requirements every pack holds (src/engine/packs/common.ts, rules-catalog.md "Common to every
 * pack"), as edits of any pack's billable base — so each pack tests them without copying the rows.
 */
export function commonRuleCases(options: CommonRuleOptions): RuleCase[] {
  const rule = (suffix: string): string => `${options.prefix}.${suffix}`;
  const rows: RuleCase[] = [
    {
      source: 'Common: 0–7 minutes = 0 units (CalMHSA Per 15 (7/7))',
      rule: rule('units.minimum'),
      pass: (r) => void (r.service.end = minutesAfter(r.service.start, 8)),
      fail: (r) => void (r.service.end = minutesAfter(r.service.start, 7)),
      messageIncludes: '7 minutes',
    },
    {
      source: 'Common: an active, certified rendering peer on the date of service',
      rule: rule('staff.certified'),
      fail: (r) => {
        const expiresOn = addDays(r.service.dateOfService, -1);
        r.staff.certification = { type: r.staff.certification?.type ?? 'medi_cal_peer', expiresOn };
      },
    },
    {
      source: 'Common: a certified rendering peer — a legacy peer is told they are not certified',
      rule: rule('staff.legacy_uncertified'),
      fail: (r) => void (r.staff.certification = { type: 'legacy_uncertified' }),
      messageIncludes: 'You are recorded as a peer without peer support certification',
    },
    {
      source: 'Common: coverage for the payer on the date of service',
      rule: rule('member.covered'),
      fail: (r) => {
        const from = addDays(r.service.dateOfService, 1);
        r.member.coverage = r.member.coverage.map((entry) => ({ ...entry, from }));
      },
    },
    {
      source: 'Common: a signed note',
      rule: rule('note.signed'),
      fail: (r) => void (r.service.signedOn = undefined),
    },
    {
      source: 'Common: unknown place-of-service codes are an error',
      rule: rule('pos.known'),
      pass: (r) => void (r.service.placeOfService = '99'),
      fail: (r) => void (r.service.placeOfService = '98'),
    },
    {
      source: 'Common: every line carries a place of service',
      rule: rule('pos.present'),
      fail: (r) => void (r.service.placeOfService = undefined),
    },
    {
      source: 'Common: telehealth notes state where the member was',
      rule: rule('telehealth.member_location'),
      pass: (r) => {
        r.service.modality = 'video';
        r.service.memberLocation = 'home';
      },
      fail: (r) => void (r.service.modality = 'video'),
    },
    {
      source:
        'Catalog, December review, Money: no charge on file → error (billing can fix it), never a $0.00 line',
      rule: rule('charge.present'),
      fail: (r) => void (r.fees = []),
      messageIncludes: 'Enter the charge for',
    },
  ];
  if (options.uncoveredService !== null) {
    rows.push({
      source: 'Common: the service maps to a procedure code the payer covers',
      rule: rule('procedure.covered'),
      pass: (r) => void (r.service.type = 'therapeutic_activity'),
      fail: options.uncoveredService,
    });
  }
  return rows;
}

/** 'HH:MM' plus some minutes, within the day. */
function minutesAfter(time: string, minutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The rows whose rule the pack holds: inherited rows a child pack replaced or removed drop out. */
export function rowsForPack(packId: PayerPackId, rows: readonly RuleCase[]): RuleCase[] {
  const ids = new Set(requirePack(packId).rules.map((rule) => rule.id));
  return rows.filter((row) => ids.has(row.rule));
}
