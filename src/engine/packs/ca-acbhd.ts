/**
 * @module engine/packs/ca-acbhd
 * Alameda County Behavioral Health (ACBHD, SmartCare) peer support, from the Quality Assurance memo of
 * May 16, 2024 "Procedure Codes for Peer Support Services (PSS)" (seed 001), layered on the statewide
 * `ca-dhcs` pack. Alameda names four procedures — H0025 and H0038, each with the member present or for the
 * member's family without the member — keeps them for certified CPS / CPS-F staff in certified Mental Health
 * Outpatient programs, asks family services to say how they serve the member's treatment, and bills under
 * the peer specialist taxonomy 175T00000X, and counts continuing education a year at a time (`ceCycleYears`).
 * Rates, limits, modifiers, the plan-of-care rule and the continuing-education hours come from `ca-dhcs`.
 */
import type { PackDefinition } from '../rules/pack.js';

const MEMO = '001_552e745ac8e33154.txt';
/** The memo's date: the codes were "available for immediate use" from then. */
const SINCE = '2024-05-16';

const CODES_SECTION = 'Certified Peer Support Specialist Procedure Codes';

const memoCitation = (
  section: string,
  quote: string,
): { document: string; section: string; quote: string } => ({
  document: MEMO,
  section,
  quote,
});

const individual = { fact: 'service.type', op: 'in', value: ['engagement', 'therapeutic_activity'] } as const;
const group = { fact: 'service.type', op: 'eq', value: 'skill_building_group' } as const;
const memberPresent = { fact: 'service.recipient', op: 'eq', value: 'member' } as const;
const familyOnly = { fact: 'service.recipient', op: 'eq', value: 'family_without_member' } as const;

export const caAcbhd: PackDefinition = {
  id: 'ca-acbhd',
  name: 'Alameda County (ACBHD)',
  version: '2026.1',
  extends: 'ca-dhcs',
  sources: [MEMO],
  description:
    'Alameda County’s four SmartCare peer support procedures (H0025 and H0038, with the member present or for family and support persons without the member), for certified CPS and CPS-F staff in certified Mental Health Outpatient programs, billed under taxonomy 175T00000X; everything else as statewide Medi-Cal.',
  settings: {
    allowedCertifications: {
      value: ['medi_cal_peer', 'medi_cal_peer_family'],
      description:
        'Certifications that may use the PSS codes: Certified Peer Support Specialists (CPS) and Family Certified Peer Support Specialists (CPS-F). Legacy peers claim under Other/Adjunct codes.',
      citation: memoCitation(
        'Memo purpose',
        'codes for Certified Peer Support Specialists (CPS) and Family Certified Peer Support Specialists (CPS-F)',
      ),
    },
    allowedProgramTypes: {
      value: ['mh_outpatient'],
      description:
        'Program types in which ACBHD has made the PSS codes available. Choice: the memo activates them only in certified Mental Health Outpatient programs and is waiting on DHCS for inpatient and residential programs; it says nothing of crisis or DMC-ODS programs, so those are refused too until ACBHD adds them.',
      choice: true,
      citation: memoCitation(
        'Action Required',
        'who are linked to a certified Mental Health Outpatient program(s)',
      ),
    },
    renderingTaxonomy: {
      value: '175T00000X',
      description: 'The rendering provider taxonomy peer support is billed under (Peer Specialist).',
      citation: memoCitation('Background', 'Use of designated taxonomy (175T00000X)'),
    },
    ceCycleYears: {
      value: 1,
      description:
        'Years in a continuing-education cycle: Alameda asks for the continuing-education hours every year, where statewide Medi-Cal counts a 2-year renewal. The cycle runs from the certification’s issue date, or its latest anniversary, to the date judged.',
      citation: memoCitation(
        'Background',
        'Completion of up to 20 hours of continuing education per year, as specified by DHCS.',
      ),
    },
  },
  procedures: [
    {
      id: 'ca-acbhd.procedure.group',
      when: { all: [group, memberPresent] },
      code: 'H0025',
      name: 'PSS Educational Skill Building Groups',
      citation: memoCitation(
        CODES_SECTION,
        'H0025 PSS Educational Skill Building Groups, 15 mins. - Use this code to report PSS group services (member is present).',
      ),
    },
    {
      id: 'ca-acbhd.procedure.family_group',
      when: { all: [group, familyOnly] },
      code: 'H0025',
      name: 'PSS Family Educational Skill Building Groups',
      citation: memoCitation(
        CODES_SECTION,
        'H0025 PSS Family Educational Skill Building Groups, 15 mins. - Use this code to report PSS group services to the peer’s family and/or other significant support persons (member is not present).',
      ),
    },
    {
      id: 'ca-acbhd.procedure.individual',
      when: { all: [individual, memberPresent] },
      code: 'H0038',
      name: 'PSS Engagement/Therapeutic Activity',
      citation: memoCitation(
        CODES_SECTION,
        'H0038 PSS Engagement/Therapeutic Activity, 15 mins. - Use this code to report individual PSS (member is present).',
      ),
    },
    {
      id: 'ca-acbhd.procedure.family_individual',
      when: { all: [individual, familyOnly] },
      code: 'H0038',
      name: 'PSS Family Engagement/Therapeutic Activity',
      citation: memoCitation(
        CODES_SECTION,
        'H0038 PSS Family Engagement/Therapeutic Activity, 15 mins. - Use this code to report individual PSS to the peer’s family and/or other significant support persons (member is not present).',
      ),
    },
  ],
  rules: [
    {
      id: 'ca-acbhd.discipline.cps',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Only Certified Peer Support Specialists (CPS) and Family Certified Peer Support Specialists (CPS-F) use the PSS codes; legacy peers claim under the Other/Adjunct codes.',
      require: { fact: 'staff.certificationType', op: 'in', valueFact: 'settings.allowedCertifications' },
      message:
        'Alameda’s peer support codes are only for Certified Peer Support Specialists (CPS) and Family Certified Peer Support Specialists (CPS-F), and the certification on file for you is neither. Legacy peer providers without DHCS certification claim this service under the Other/Adjunct procedure codes instead (see ACBHD’s Guidelines for Scope of Practice), or ask your supervisor to update your CPS/CPS-F designation.',
      path: ['staff', 'certification', 'type'],
      citation: memoCitation(
        CODES_SECTION,
        'are exclusively for use by Certified Peer Support Specialists … ACBHD legacy peer providers who do not meet DHCS Peer Support Specialist Certification requirements may continue to claim for services using the procedure codes allowed for Other/Adjunct.',
      ),
    },
    {
      id: 'ca-acbhd.program.mh_outpatient',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The PSS codes are available only in certified Mental Health Outpatient programs; not yet in inpatient or residential programs.',
      require: { fact: 'program.type', op: 'in', valueFact: 'settings.allowedProgramTypes' },
      message:
        'Alameda’s peer support codes are not yet available in this program type ({program.type}): ACBHD has activated them only in certified Mental Health Outpatient programs while it waits for DHCS guidance on inpatient and residential programs. Check the program on this note, or ask your supervisor how to record the service.',
      path: ['program', 'type'],
      citation: memoCitation(
        'Action Required',
        'These codes are available for immediate use by staff with existing CPS/CPS-F designations in SmartCare who are linked to a certified Mental Health Outpatient program(s). ACBHD is pending clarification from DHCS on the appropriate set-up for inpatient and residential programs before making the codes available in those programs.',
      ),
      choice:
        'Program types other than mental health outpatient (crisis, DMC-ODS) are refused too; the setting allowedProgramTypes lists the types ACBHD has activated.',
    },
    {
      id: 'ca-acbhd.family.relation_to_treatment',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A service to family members or significant support persons without the member documents how the activity relates to the member’s treatment.',
      when: familyOnly,
      require: { fact: 'service.familyRelationToTreatment', op: 'present' },
      message:
        'This service was with the member’s family or support persons without the member. Write how the activity relates to the member’s treatment; Alameda requires it on every family service.',
      path: ['service', 'familyRelationToTreatment'],
      citation: memoCitation(
        'Definitions',
        'Documentation of services to peer family members or significant support persons should reflect how the activity was related to the member’s treatment.',
      ),
    },
    {
      id: 'ca-acbhd.staff.taxonomy',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The rendering provider bills under the peer specialist taxonomy 175T00000X.',
      // A missing taxonomy is told once, to record it (`ca-dhcs.staff.taxonomy_recorded`).
      when: { fact: 'staff.taxonomy', op: 'present' },
      require: { fact: 'staff.taxonomy', op: 'eq', valueFact: 'settings.renderingTaxonomy' },
      message:
        'Your provider record lists taxonomy {staff.taxonomy}, but Alameda bills peer support only under the peer specialist taxonomy {settings.renderingTaxonomy}. Ask billing staff to correct your provider record before this service is claimed.',
      path: ['staff', 'taxonomy'],
      citation: memoCitation(
        'Background',
        'Use of designated taxonomy (175T00000X) and procedure codes to bill for services.',
      ),
    },
  ],
  removes: ['ca-dhcs.procedure.group', 'ca-dhcs.procedure.individual', 'ca-dhcs.discipline.peer'],
};
