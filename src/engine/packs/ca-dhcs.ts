/**
 * @module engine/packs/ca-dhcs
 * California Medi-Cal peer support, DHCS billing manual "Service Table 5 — Peer Support Services Codes"
 * (seed 000), plus facts from rules-research.md where the table is silent. The Alameda (ca-acbhd) and
 * Los Angeles (ca-la-sapc) packs are layered on this one.
 */
import type { PackDefinition } from '../rules/pack.js';
import { commonRules } from './common.js';

const TABLE = '000_1274c8781db8481b.txt';
const ALAMEDA_MEMO = '001_552e745ac8e33154.txt';
const RESEARCH = 'rules-research.md';
const SINCE = '2023-07-01';

/** "DHCS will divide the rate for group peer support (H0025) by 4.5", rounded to the cent. */
const CA_GROUP_RATE_DIVISOR = 4.5;

const tableCitation = (
  section: string,
  quote: string,
): { document: string; section: string; quote: string } => ({
  document: TABLE,
  section,
  quote,
});

export const caDhcs: PackDefinition = {
  id: 'ca-dhcs',
  name: 'California Medi-Cal (DHCS)',
  version: '2026.1',
  sources: [TABLE],
  description:
    'Statewide Medi-Cal rules for peer support (SMHS and DMC-ODS): H0038 for individual services, H0025 for groups at the individual rate ÷ 4.5, certified peers only, every place of service but 09, at most 96 units a day, modifiers HK and SC only (plus 95 for video and 93 for audio-only telehealth, added for you), and services based on an approved plan of care.',
  settings: {
    maxUnitsPerDay: {
      value: 96,
      description: 'Most units of one code billed for one member on one day.',
      citation: tableCitation('Service Table 5', 'Maximum Units that Can be Billed … 96'),
    },
    allowedModifiers: {
      value: ['HK', 'SC'],
      description:
        'Procedure modifiers a peer may add to a line; the telehealth modifiers (95, 93) are added by the pack, never chosen.',
      citation: tableCitation('Service Table 5', 'Allowable Modifiers … HK SC'),
    },
    telehealthModifiers: {
      value: true,
      description:
        'Telehealth lines carry modifier 95 (synchronous video) or 93 (audio-only), beside their place of service 02 or 10. Choice: the Medi-Cal Provider Manual is read as quoted by CCHP [R]; the county billing manuals’ wording was not read. Set false to send telehealth lines without them.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(a) Modifiers — CA Medi-Cal telehealth coding',
        quote: 'synchronous audio+video → **modifier 95**',
      },
    },
    excludedPlacesOfService: {
      value: ['09'],
      description: 'Places of service where peer support may not be billed.',
      citation: tableCitation('Service Table 5', 'Allowable Place of Service … All except 09'),
    },
    allowedCertifications: {
      value: ['medi_cal_peer', 'medi_cal_peer_family'],
      description:
        'Certifications that may render H0025/H0038 (Certified Medi-Cal Peer Support Specialists, incl. CPS-F).',
      citation: tableCitation('Service Table 5', 'SD/MC Allowable Disciplines … Peer'),
    },
    medicareCobRequired: {
      value: false,
      description: 'Whether a Medicare EOB must come first for a member who also has Medicare.',
      citation: tableCitation('Service Table 5', 'Medicare COB Required? … No'),
    },
    dependentCodes: {
      value: [],
      description: 'Codes a peer support line depends on (must be billed with it): none.',
      citation: tableCitation('Service Table 5', 'Dependent on Codes … No'),
    },
    lockedOutAgainstResidentialInpatient: {
      value: false,
      description:
        'Peer support is billable on the same day as a residential or inpatient stay: no lockout edit.',
      citation: tableCitation(
        'Service Table 5',
        'Peer Support is not locked out against residential or inpatient.',
      ),
    },
    noteDueBusinessDays: {
      value: 3,
      description:
        'Business days after the service (day 0) by which the note is due; later notes need a reason.',
      citation: {
        document: RESEARCH,
        section: '(e) DHCS documentation requirements, Timeliness',
        quote: 'within 3 business days of the service',
      },
    },
    telehealthHomePlaceOfService: {
      value: '10',
      description:
        'Place of service for a telehealth service when the member was at home (02 otherwise). Choice: DHCS telehealth guidance was not readable in full [R, unverified].',
      choice: true,
    },
    ceHoursPerCycle: {
      value: 20,
      description:
        'Continuing-education hours per certification cycle. Choice: research says 20 hours per 2-year renewal; the Alameda memo words it "up to 20 hours per year, as specified by DHCS" — hours and period are settings.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(f) CA Medi-Cal Peer Support Specialist certification',
        quote: 'Renewal: every 2 years; 20 hours of continuing education',
      },
    },
    ceCycleYears: {
      value: 2,
      description:
        'Years in a continuing-education cycle: the cycle runs from the certification’s issue date, or its latest anniversary this many years on, to the date judged. Choice: research says renewal every 2 years; the Alameda memo (001) words it "up to 20 hours of continuing education per year, as specified by DHCS", so the Alameda pack sets 1.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(f) CA Medi-Cal Peer Support Specialist certification',
        quote: 'Renewal: every 2 years',
      },
    },
    ceLawAndEthicsHours: {
      value: 6,
      description: 'Of those, hours of law and ethics.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(f) CA Medi-Cal Peer Support Specialist certification',
        quote: 'inclusive of 6 hours of law and ethics',
      },
    },
    groupLineUnits: {
      value: 'group_direct_minutes',
      description:
        'Each group participant gets their own claim line for the group’s direct-service minutes. Choice: the table gives no apportioning rule beyond the ÷ 4.5 group rate.',
      choice: true,
    },
    sameDayLines: {
      value: 'separate',
      description:
        'Two notes of a claim with the same code, modifiers and date: "separate" sends one line per note, each with its own units and line control number; "combine" sends one line per code, modifiers and day, its units counted from the day’s total direct minutes. Choice: the Service Table (000) gives units only as a daily most (96), not whether a day’s minutes are summed first, and the billing-manual wording was not read; research counts units per service (CalMHSA SmartCare computes them from each service’s face-to-face time) and calls summing a day’s minutes a Medicare outpatient-therapy rule, not a Medi-Cal one. Separate keeps each note’s units as its claim preview showed them.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(b) Minutes → units for 15-minute codes',
        quote: 'This is a Medicare outpatient-therapy rule, not a CA Medi-Cal rule.',
      },
    },
  },
  procedures: [
    {
      id: 'ca-dhcs.procedure.group',
      when: { fact: 'service.type', op: 'eq', value: 'skill_building_group' },
      code: 'H0025',
      name: 'Behavioral health prevention education service (group peer support)',
      citation: tableCitation(
        'Service Table 5',
        'If providing peer support services as a group service, use HCPCS code H0025',
      ),
    },
    {
      id: 'ca-dhcs.procedure.individual',
      when: { fact: 'service.type', op: 'in', value: ['engagement', 'therapeutic_activity'] },
      code: 'H0038',
      name: 'Self-help/peer services per 15 minutes',
      citation: tableCitation(
        'Service Table 5',
        'If claiming for peer support services for an individual, use code H0038 (self-help/peer services).',
      ),
    },
  ],
  modifierRules: [
    {
      modifier: 'HK',
      when: {
        all: [
          { fact: 'member.ageYears', op: 'lt', value: 21 },
          { fact: 'member.specialPopulations', op: 'includesAny', value: ['katie_a', 'icc', 'ihbs'] },
        ],
      },
      reason: 'Member under 21 in a high-risk special population (Katie A / ICC / IHBS).',
      citation: {
        document: RESEARCH,
        section: '(a) Modifiers — California-specific use',
        quote: 'client is under 21 on the date of service',
      },
    },
    {
      modifier: '95',
      when: {
        all: [
          { fact: 'settings.telehealthModifiers', op: 'isTrue' },
          { fact: 'service.modality', op: 'eq', value: 'video' },
        ],
      },
      reason: 'Telehealth by synchronous video.',
      citation: {
        document: RESEARCH,
        section: '(a) Modifiers — CA Medi-Cal telehealth coding',
        quote: 'synchronous audio+video → **modifier 95**',
      },
    },
    {
      modifier: '93',
      when: {
        all: [
          { fact: 'settings.telehealthModifiers', op: 'isTrue' },
          { fact: 'service.modality', op: 'eq', value: 'audio_only' },
        ],
      },
      reason: 'Telehealth by telephone (audio-only).',
      citation: {
        document: RESEARCH,
        section: '(a) Modifiers — CA Medi-Cal telehealth coding',
        quote: 'synchronous telephone/audio-only → **modifier 93**',
      },
    },
  ],
  // Procedure modifiers first (000), then the telehealth modifier. [choice]
  modifierOrder: ['HK', 'SC', '95', '93'],
  placeOfServiceRules: [
    {
      when: {
        all: [
          { fact: 'service.telehealth', op: 'isTrue' },
          { fact: 'service.memberLocation', op: 'eq', value: 'home' },
        ],
      },
      placeOfService: '10',
      reason: 'Telehealth with the member at home.',
      citation: {
        document: RESEARCH,
        section: '(d) CMS Place of Service codes',
        quote: "10 | Telehealth Provided in Patient's Home",
      },
    },
    {
      when: { fact: 'service.telehealth', op: 'isTrue' },
      placeOfService: '02',
      reason: 'Telehealth with the member elsewhere.',
      citation: {
        document: RESEARCH,
        section: '(d) CMS Place of Service codes',
        quote: "02 | Telehealth Provided Other than in Patient's Home",
      },
    },
  ],
  // DHCS publishes no statewide H0038 rate (000, 001 give none), so none is assumed: the organisation's fee
  // schedule gives what it expects to be paid. Only the group rate's relation to it is statewide.
  rates: [
    {
      code: 'H0025',
      dividedFrom: { code: 'H0038', modifiers: [], divisor: CA_GROUP_RATE_DIVISOR },
      effectiveFrom: SINCE,
      citation: tableCitation(
        'Service Table 5',
        'DHCS will divide the rate for group peer support (H0025) by 4.5.',
      ),
      note: 'The H0038 rate on file (the fee schedule’s expected rate) ÷ 4.5, rounded to the cent: $46.67 → $10.37.',
    },
  ],
  limits: [
    {
      id: 'daily_units',
      label: 'Units of this code for this member today',
      period: 'day',
      unit: 'units',
      maxSetting: 'maxUnitsPerDay',
      citation: tableCitation('Service Table 5', 'Maximum Units that Can be Billed … 96'),
    },
  ],
  rules: [
    ...commonRules('ca-dhcs'),
    {
      id: 'ca-dhcs.discipline.peer',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Only Certified Medi-Cal Peer Support Specialists (including CPS-F) may render H0025 and H0038.',
      // A legacy peer is refused once, as not certified (`ca-dhcs.staff.legacy_uncertified`), not twice.
      when: { fact: 'staff.certificationType', op: 'ne', value: 'legacy_uncertified' },
      require: { fact: 'staff.certificationType', op: 'in', valueFact: 'settings.allowedCertifications' },
      message:
        'H0025 and H0038 need a Medi-Cal Peer Support Specialist certification (or its family specialization, CPS-F); the certification on file for you is not one (a peer certification from another state or program doesn’t count). Ask your supervisor how this service should be claimed, or ask a program admin to record your Medi-Cal certification.',
      path: ['staff', 'certification', 'type'],
      citation: tableCitation('Service Table 5', 'SD/MC Allowable Disciplines … Peer'),
    },
    {
      id: 'ca-dhcs.modifiers.hk_special_population',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'HK ("specialized mental health programs for high-risk populations") is not a free choice: a peer may enter it only for a member whose special population (Katie A., ICC or IHBS) is recorded.',
      when: { fact: 'service.userModifiers', op: 'includes', value: 'HK' },
      require: { fact: 'member.specialPopulations', op: 'includesAny', value: ['katie_a', 'icc', 'ihbs'] },
      message:
        'You added modifier HK, which marks a service to a member of a high-risk special population (Katie A., ICC or IHBS), and none is recorded for this member. Remove HK, or ask the member’s clinician to record the member’s special population on the member’s page.',
      path: ['service', 'modifiers'],
      citation: tableCitation('Service Table 5', 'Allowable Modifiers … HK SC'),
      choice:
        'What HK means is read from research (a) (HK: "Specialized mental health programs for high-risk populations"; CalMHSA adds it for Katie A. / ICC / IHBS members): the Service Table lists HK without saying when.',
    },
    {
      id: 'ca-dhcs.staff.taxonomy_recorded',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The rendering taxonomy 175T00000X is recorded for the peer; it is never filled in for them.',
      require: { fact: 'staff.taxonomy', op: 'present' },
      message:
        'Record your rendering taxonomy (175T00000X) on your staff profile: no taxonomy is recorded for you, and a Medi-Cal claim must name it. Ask a program admin to add it to your staff profile.',
      path: ['staff', 'taxonomy'],
      citation: {
        document: ALAMEDA_MEMO,
        section: 'Background',
        quote: 'Use of designated taxonomy (175T00000X) and procedure codes to bill for services.',
      },
    },
    {
      id: 'ca-dhcs.pos.excluded',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Any place of service except 09 (prison/correctional facility).',
      when: { fact: 'service.placeOfService', op: 'present' },
      require: { fact: 'service.placeOfService', op: 'notIn', valueFact: 'settings.excludedPlacesOfService' },
      message:
        'Peer support can’t be billed to Medi-Cal for a member in a prison or correctional facility (place of service {service.placeOfService}). If the member was elsewhere, correct the place of service.',
      path: ['service', 'placeOfService'],
      citation: tableCitation('Service Table 5', 'Allowable Place of Service … All except 09'),
    },
    {
      id: 'ca-dhcs.units.daily_max',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'At most 96 units per member, per code, per day.',
      when: { fact: 'line.code', op: 'present' },
      require: { fact: 'limit.daily_units.over', op: 'isFalse' },
      message:
        '{line.code} allows {limit.daily_units.max} units a day; this member already has {limit.daily_units.usedBefore} today and this note adds {service.units}. Check the times, or whether another note for today is a duplicate.',
      path: ['service', 'end'],
      citation: tableCitation('Service Table 5', 'Maximum Units that Can be Billed … 96'),
    },
    {
      id: 'ca-dhcs.modifiers.allowed',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The only procedure modifiers are HK and SC; the telehealth modifier (95 or 93) is added from the modality, never chosen.',
      // The peer's own modifiers are checked: those the pack adds (HK, 95, 93) follow from the service itself.
      require: { fact: 'service.userModifiers', op: 'subsetOf', valueFact: 'settings.allowedModifiers' },
      message:
        'You can add only the modifiers {settings.allowedModifiers} to peer support for this payer; you added {service.userModifiers}. Remove the others — a telehealth modifier, where the payer wants one, is added for you from how the service was given.',
      path: ['service', 'modifiers'],
      citation: tableCitation('Service Table 5', 'Allowable Modifiers … HK SC'),
    },
    {
      id: 'ca-dhcs.care_plan.approved',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Services are based on an approved plan of care in effect on the date of service.',
      require: { fact: 'member.carePlanApproved', op: 'isTrue' },
      message:
        'There is no approved plan of care in effect for this member on {service.dateOfService}. Write the plan of care with the member and have it approved before billing services.',
      path: ['member', 'carePlan'],
      citation: tableCitation(
        'Service Table 5',
        'Peer support services are based on an approved plan of care',
      ),
    },
    {
      id: 'ca-dhcs.note.late_reason',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'warning',
      criterion: 'A note signed after its due date (3 business days) states why it is late.',
      when: { fact: 'service.late', op: 'isTrue' },
      require: { fact: 'service.lateReason', op: 'present' },
      message:
        'This note was due on {service.noteDueOn} and signed on {service.signedOn}. Add a short reason for the delay; it stays billable.',
      path: ['service', 'lateReason'],
      citation: {
        document: RESEARCH,
        section: '(e) DHCS documentation requirements, Timeliness',
        quote: 'Late notes remain billable; document the reason for the delay',
      },
    },
    {
      id: 'ca-dhcs.medicare.cob_not_required',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'info',
      criterion: 'No Medicare coordination of benefits is needed before billing Medi-Cal for peer support.',
      when: { fact: 'member.hasMedicare', op: 'isTrue' },
      require: { fact: 'settings.medicareCobRequired', op: 'isTrue' },
      message:
        'The member also has Medicare, but peer support goes straight to Medi-Cal: no Medicare EOB is needed first.',
      path: ['member', 'hasMedicare'],
      citation: tableCitation('Service Table 5', 'Medicare COB Required? … No'),
    },
    {
      id: 'ca-dhcs.staff.continuing_education',
      version: '1',
      effectiveFrom: SINCE,
      scope: 'staff',
      severity: 'warning',
      criterion:
        'Certified peers complete the continuing education of their certification cycle, including law and ethics.',
      require: {
        all: [
          { fact: 'staff.ceHours', op: 'gte', valueFact: 'settings.ceHoursPerCycle' },
          { fact: 'staff.ceLawAndEthicsHours', op: 'gte', valueFact: 'settings.ceLawAndEthicsHours' },
        ],
      },
      message:
        'Continuing education this cycle: {staff.ceHours} hours ({staff.ceLawAndEthicsHours} law and ethics) of the {settings.ceHoursPerCycle} ({settings.ceLawAndEthicsHours}) needed to renew the certification.',
      path: ['staff', 'continuingEducation'],
      citation: {
        document: RESEARCH,
        section: '(f) CA Medi-Cal Peer Support Specialist certification',
        quote: '20 hours of continuing education, inclusive of 6 hours of law and ethics',
      },
      choice:
        'Hours and period are the settings ceHoursPerCycle, ceLawAndEthicsHours and ceCycleYears (001 words it "up to 20 hours per year"); the staff module counts the hours of the cycle the setting gives.',
    },
  ],
};
