/**
 * @module engine/packs/common
 * Rules every pack holds (rules-catalog.md, "Common to every pack"), written once and stamped with each
 * pack's id so each pack stays a complete, self-describing list of what it checks.
 */
import { chargeRule } from '../rules/charge-rule.js';
import type { PackDefinition } from '../rules/pack.js';

type Rules = NonNullable<PackDefinition['rules']>;

const CATALOG = 'rules-catalog.md';
// These requirements hold whatever the policy version, so they are in force for any date of service.
const SINCE = '2000-01-01';

export function commonRules(packId: PackDefinition['id']): Rules {
  const rule = (suffix: string): string => `${packId}.${suffix}`;
  return [
    {
      id: rule('units.minimum'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'A 15-minute unit needs at least 8 minutes of direct service (0–7 minutes = 0 units).',
      require: { fact: 'service.units', op: 'gte', value: 1 },
      message:
        'The note records {service.minutes} minutes with the member; a unit needs at least 8. Check the start, end and gap times, or don’t bill this contact.',
      path: ['service', 'end'],
      citation: {
        document: 'rules-research.md',
        section: '(b) Minutes → units for 15-minute codes',
        quote: 'If the service provided is 7 minutes or less, the billing unit = 0.',
      },
    },
    {
      id: rule('staff.certified'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The rendering peer holds a current peer certification on the date of service.',
      // A legacy peer holds no certification to be missing or expired: `staff.legacy_uncertified` says so.
      when: { fact: 'staff.certificationType', op: 'ne', value: 'legacy_uncertified' },
      require: { fact: 'staff.certificationActive', op: 'isTrue' },
      message:
        'Your peer certification is missing, not yet issued or expired (expiry: {staff.certificationExpiresOn}) on this date of service. Renew it, or ask your supervisor to update your credentials, before signing.',
      path: ['staff', 'certification'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote:
          'A service needs: an active, certified rendering peer on the date of service (certification not expired)',
      },
    },
    {
      id: rule('staff.legacy_uncertified'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A peer recorded as legacy (without peer certification) is not a certified rendering peer, so cannot render a billable service.',
      when: { fact: 'staff.certificationType', op: 'eq', value: 'legacy_uncertified' },
      require: { fact: 'staff.certificationActive', op: 'isTrue' },
      message:
        'You are recorded as a peer without peer support certification, so this service can’t be billed to this payer under your name. Ask your supervisor how the service should be recorded, or ask a program admin to record your certification once you hold one.',
      path: ['staff', 'certification'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote:
          'A service needs: an active, certified rendering peer on the date of service (certification not expired)',
      },
    },
    {
      id: rule('member.covered'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The member has coverage with this payer on the date of service.',
      require: { fact: 'member.coveredOnDate', op: 'isTrue' },
      message:
        'The member has no coverage with this payer on {service.dateOfService}. Check the member’s coverage dates, or ask billing staff to record the right coverage.',
      path: ['member', 'coverage'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote: 'an eligible member with coverage for the payer on that date',
      },
    },
    {
      id: rule('note.signed'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The service note is signed before the service is billed.',
      require: { fact: 'service.signed', op: 'isTrue' },
      message: 'Sign the note to bill this service; until then it stays a draft.',
      path: ['service', 'signedOn'],
      citation: { document: CATALOG, section: 'Common to every pack', quote: 'and a signed note' },
    },
    {
      id: rule('pos.known'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The place of service is a code in the CMS Place of Service code set.',
      require: { fact: 'service.placeOfServiceKnown', op: 'isTrue' },
      message:
        'Place of service {service.placeOfService} is not a CMS place-of-service code. Choose where the service happened from the list, e.g. 11 (office) or 12 (home).',
      path: ['service', 'placeOfService'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote:
          'Place of service is a CMS POS code (list in rules-research.md §d); unknown codes are an error.',
      },
    },
    {
      id: rule('pos.present'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Every claim line carries a place of service.',
      require: { fact: 'service.placeOfService', op: 'present' },
      message: 'Choose the place of service: where the service happened (e.g. 11 office, 12 home, 99 other).',
      path: ['service', 'placeOfService'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote: 'Place of service is a CMS POS code',
      },
    },
    {
      id: rule('telehealth.member_location'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'A telehealth note states where the member was.',
      when: { fact: 'service.telehealth', op: 'isTrue' },
      require: { fact: 'service.memberLocation', op: 'present' },
      message:
        'For a {service.modality} service, record where the member was during it (home, community, …).',
      path: ['service', 'memberLocation'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote: 'the note must state the modality and where the member was',
      },
    },
    {
      id: rule('procedure.covered'),
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The service type maps to a procedure code this payer covers.',
      require: { fact: 'line.code', op: 'present' },
      message:
        'This payer has no code for a {service.type} service by {service.recipient} in this setting, so it cannot be billed here. Check the service type, or ask billing staff which payer applies.',
      path: ['service', 'type'],
      citation: {
        document: CATALOG,
        section: 'Common to every pack',
        quote: 'A rule pack is chosen by the member’s coverage (payer/plan) for the date of service.',
      },
    },
    chargeRule(packId),
  ];
}
