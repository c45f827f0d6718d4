/**
 * @module engine/rules/place-of-service
 * The CMS Place of Service code set (rules-research.md §d, CMS "Place of Service Code Set"). A code not in
 * this list is an error on every pack.
 */
export const PLACES_OF_SERVICE: Readonly<Record<string, string>> = {
  '01': 'Pharmacy',
  '02': "Telehealth provided other than in patient's home",
  '03': 'School',
  '04': 'Homeless shelter',
  '05': 'Indian Health Service free-standing facility',
  '06': 'Indian Health Service provider-based facility',
  '07': 'Tribal 638 free-standing facility',
  '08': 'Tribal 638 provider-based facility',
  '09': 'Prison/correctional facility',
  '10': "Telehealth provided in patient's home",
  '11': 'Office',
  '12': 'Home',
  '13': 'Assisted living facility',
  '14': 'Group home',
  '15': 'Mobile unit',
  '16': 'Temporary lodging',
  '17': 'Walk-in retail health clinic',
  '18': 'Place of employment/worksite',
  '19': 'Off campus-outpatient hospital',
  '20': 'Urgent care facility',
  '21': 'Inpatient hospital',
  '22': 'On campus-outpatient hospital',
  '23': 'Emergency room – hospital',
  '24': 'Ambulatory surgical center',
  '25': 'Birthing center',
  '26': 'Military treatment facility',
  '27': 'Outreach site/street',
  '31': 'Skilled nursing facility',
  '32': 'Nursing facility',
  '33': 'Custodial care facility',
  '34': 'Hospice',
  '41': 'Ambulance – land',
  '42': 'Ambulance – air or water',
  '49': 'Independent clinic',
  '50': 'Federally qualified health center',
  '51': 'Inpatient psychiatric facility',
  '52': 'Psychiatric facility – partial hospitalization',
  '53': 'Community mental health center',
  '54': 'Intermediate care facility/individuals with intellectual disabilities',
  '55': 'Residential substance abuse treatment facility',
  '56': 'Psychiatric residential treatment center',
  '57': 'Non-residential substance abuse treatment facility',
  '58': 'Non-residential opioid treatment facility',
  '60': 'Mass immunization center',
  '61': 'Comprehensive inpatient rehabilitation facility',
  '62': 'Comprehensive outpatient rehabilitation facility',
  '65': 'End-stage renal disease treatment facility',
  '66': 'Programs of All-Inclusive Care for the Elderly (PACE) center',
  '71': 'Public health clinic',
  '72': 'Rural health clinic',
  '81': 'Independent laboratory',
  '99': 'Other place of service',
};

/** Two-digit code → known, by the code's number (every code in the set is two digits). */
const KNOWN_BY_NUMBER: readonly boolean[] = Array.from({ length: 100 }, (_, number) =>
  Object.hasOwn(PLACES_OF_SERVICE, String(number).padStart(2, '0')),
);

const ZERO = 48;

/**
 * True for a code in the CMS set. Read from a table by the code's two digits: this runs for every service, and
 * looking a string from the request up as a property key costs several times as much.
 */
export function isKnownPlaceOfService(code: string): boolean {
  if (code.length !== 2) {
    return false;
  }
  const tens = code.charCodeAt(0) - ZERO;
  const units = code.charCodeAt(1) - ZERO;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 && KNOWN_BY_NUMBER[tens * 10 + units] === true;
}
