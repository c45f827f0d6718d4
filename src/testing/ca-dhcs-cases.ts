/**
 * @module testing/ca-dhcs-cases
 * Rule-table rows for the DHCS Service Table 5 rules (seed 000), shared by the ca-dhcs table and the county
 * packs that inherit them (ca-acbhd, ca-la-sapc). Each county table keeps only the rows of rules its pack
 * still holds (`rowsForPack`), and adds its own rows where it checks the rule differently.
 */
import type { RuleCase } from './rule-table.js';

const TABLE = '000 Service Table 5';

export function caDhcsTableCases(): RuleCase[] {
  return [
    {
      source: `${TABLE}: SD/MC Allowable Disciplines — Peer`,
      rule: 'ca-dhcs.discipline.peer',
      pass: (r) => void (r.staff.certification = { type: 'medi_cal_peer_family', expiresOn: '2027-01-01' }),
      fail: (r) => void (r.staff.certification = { type: 'kansas_peer', expiresOn: '2027-01-01' }),
      messageIncludes: 'the certification on file for you is not one',
    },
    {
      source: `${TABLE}: Allowable Place of Service — All except 09`,
      rule: 'ca-dhcs.pos.excluded',
      pass: (r) => void (r.service.placeOfService = '12'),
      fail: (r) => void (r.service.placeOfService = '09'),
    },
    {
      source: `${TABLE}: Maximum Units that Can be Billed — 96`,
      rule: 'ca-dhcs.units.daily_max',
      pass: (r) => void (r.history.unitsSameDayByCode = { H0038: 92 }),
      fail: (r) => void (r.history.unitsSameDayByCode = { H0038: 93 }),
      messageIncludes: 'allows 96 units a day; this member already has 93 today and this note adds 4',
    },
    {
      source: `${TABLE}: Allowable Modifiers — HK SC`,
      rule: 'ca-dhcs.modifiers.allowed',
      pass: (r) => void (r.service.modifiers = ['SC']),
      fail: (r) => void (r.service.modifiers = ['GT']),
    },
    {
      source: `${TABLE}: Allowable Modifiers — HK SC; research (a): 95 and 93 are added for telehealth`,
      rule: 'ca-dhcs.modifiers.allowed',
      // The pack's own 95 on a video line passes; a 95 the peer adds to an in-person line is refused.
      pass: (r) => {
        r.service.modality = 'video';
        r.service.memberLocation = 'home';
      },
      fail: (r) => void (r.service.modifiers = ['95']),
      messageIncludes: 'you added 95',
    },
    {
      source: '000 footnote 15: services are based on an approved plan of care',
      rule: 'ca-dhcs.care_plan.approved',
      fail: (r) => void (r.member.carePlan = { approvedOn: '2026-11-19' }),
    },
    {
      source: 'Research (e): late notes stay billable with a documented reason',
      rule: 'ca-dhcs.note.late_reason',
      pass: (r) => {
        r.service.signedOn = '2026-11-25';
        r.service.lateReason = 'Out sick';
      },
      fail: (r) => void (r.service.signedOn = '2026-11-24'),
    },
    {
      source: `${TABLE}: Medicare COB Required? — No`,
      rule: 'ca-dhcs.medicare.cob_not_required',
      fail: (r) => void (r.member.hasMedicare = true),
      severity: 'info',
    },
    {
      source:
        'Research (f): renewal every 2 years with 20 hours of CE, 6 of them law and ethics (staff rule)',
      rule: 'ca-dhcs.staff.continuing_education',
      pass: (r) => void (r.staff.continuingEducation = { hours: 20, lawAndEthicsHours: 6 }),
      // Enough hours in all but one short of law and ethics: both halves of the requirement are checked.
      fail: (r) => void (r.staff.continuingEducation = { hours: 24, lawAndEthicsHours: 5 }),
      messageIncludes: '24 hours (5 law and ethics) of the 20 (6) needed',
    },
    {
      source: `${TABLE}: Allowable Modifiers HK — a user-entered HK needs the member’s special population`,
      rule: 'ca-dhcs.modifiers.hk_special_population',
      pass: (r) => {
        r.service.modifiers = ['HK'];
        r.member.specialPopulations = ['icc'];
      },
      fail: (r) => void (r.service.modifiers = ['HK']),
      messageIncludes: 'Remove HK, or ask the member’s clinician to record the member’s special population',
    },
    {
      source: '001 Background: rendering taxonomy 175T00000X recorded for the peer, never filled in',
      rule: 'ca-dhcs.staff.taxonomy_recorded',
      fail: (r) => void delete r.staff.taxonomy,
      messageIncludes: 'Record your rendering taxonomy (175T00000X) on your staff profile',
    },
  ];
}
