/**
 * @module testing/rule-table
 * Table-driven tests for payer rule packs. Each row names the source line it checks and gives two edits of
 * a billable base request: one the rule accepts, one it refuses. The runner also insists that every rule
 * of the pack has a row, so a rule cannot be added untested.
 */
import { describe, expect, it } from 'vitest';
import { evaluateService, getPack, type Pack } from '../engine/index.js';
import {
  ClaimPreviewRequestSchema,
  type ClaimPreview,
  type ClaimPreviewRequest,
} from '../shared/api/claims.js';
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
 * Registers the table: the base is billable with no errors; each rule passes and fails as its row says;
 * every claim rule of the pack appears in some row.
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
          expect(problemCodes(evaluate(packId, request))).not.toContain(row.rule);
        });
        it('fails', () => {
          const request = base();
          row.fail(request);
          const problem = evaluate(packId, request).problems.find((candidate) => candidate.code === row.rule);
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

    it('has a row for every rule of the pack', () => {
      const tested = new Set(cases.map((row) => row.rule));
      const untested = pack.rules
        .filter((rule) => rule.scope === 'claim' && !tested.has(rule.id))
        .map((rule) => rule.id);
      expect(untested).toEqual([]);
    });
  });
}
