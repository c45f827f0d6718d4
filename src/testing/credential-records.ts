/**
 * @module testing/credential-records
 * Stored credentials as the staff module loads them (`CredentialRecord`), built in memory for unit suites that
 * judge a peer without a database: a certified Medi-Cal peer with the issue date and continuing education given.
 */
import type { CredentialRecord } from '../services/staff/index.js';

/** A Medi-Cal peer's record, certified on `issuedOn` with `continuingEducation`; `expiresOn` when given. */
export function medicalPeerRecord(
  issuedOn: string,
  continuingEducation: CredentialRecord['continuingEducation'],
  expiresOn: string | null = null,
): CredentialRecord {
  return {
    profile: {
      user_id: 'peer',
      organisation_id: 'org',
      certification_type: 'medi_cal_peer',
      certification_number: null,
      certification_issued_on: issuedOn,
      certification_expires_on: expiresOn,
      npi: null,
      taxonomy: '175T00000X',
      date_of_birth: null,
      high_school_diploma: true,
      lived_experience: true,
      background_check_on: null,
      supervisor_id: null,
      supervising_since: null,
      supervisor_training_on: null,
      clinical_supervisor_name: null,
      clinical_supervisor_qualification: null,
      updated_at: new Date('2026-01-01T00:00:00Z'),
    },
    supervisorActive: false,
    continuingEducation,
  };
}
