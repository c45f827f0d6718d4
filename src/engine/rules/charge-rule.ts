/**
 * @module engine/rules/charge-rule
 * The one rule every pack holds whatever its file says: a line is billable only with the organisation's charge
 * for its code on file (rules catalog, December 2026 review, "Money": "No charge on file → error …, never a
 * $0.00 line"). It is Peerline's, not a payer's — a charge is the organisation's price — so a pack cannot leave
 * it out: a pack file that stands alone, or removes it, gets it back when it loads (`pack.ts`).
 */
import { RuleSchema, type Rule } from './pack-schema.js';

/** The fact the rule requires: the fee schedule holds a charge for the line. */
export const CHARGE_FACT = 'line.hasCharge';

/** The charge rule stamped with a pack's id (`<pack>.charge.present`). */
export function chargeRule(packId: string): Rule {
  return RuleSchema.parse({
    id: `${packId}.charge.present`,
    version: '1',
    effectiveFrom: '2000-01-01',
    severity: 'error',
    criterion:
      'The organisation’s fee schedule holds a charge for the code and its procedure modifiers under this payer on the date of service.',
    when: { fact: 'line.code', op: 'present' },
    require: { fact: CHARGE_FACT, op: 'isTrue' },
    message:
      'Enter the charge for {line.feeCode} under {payer.name} from {service.dateOfService} on the Fee schedule page.',
    path: ['fees'],
    citation: {
      document: 'rules-catalog.md',
      section: 'Corrections and additions (December 2026 review), Money',
      quote:
        'A claim line’s charge is the organisation’s usual and customary charge … No charge on file → error (billing can fix it), never a $0.00 line.',
    },
  });
}

/** True when a rule is the charge rule (whichever pack's id it carries). */
export function isChargeRule(rule: Rule): boolean {
  return 'fact' in rule.require && rule.require.fact === CHARGE_FACT && rule.id.endsWith('.charge.present');
}
