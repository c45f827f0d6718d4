/**
 * @module services/demo-data/demo-staff
 * Synthetic staff credentials for the demo organisation: the demo peer holds a current Medi-Cal peer
 * certification, is supervised by the demo supervisor and has this cycle's continuing education done; the
 * demo supervisor is certified too, started supervising most of a year ago and finished the supervisory
 * training well within the 60 days. Dates are relative to "now", so the demo stays current whenever it is
 * created; NPIs and dates of birth come from the seeded synthetic generator (9-prefixed NPIs are never issued).
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../engine/index.js';
import type { Database } from '../../store/index.js';
import {
  createRng,
  DEMO_SEED,
  syntheticDateOfBirth,
  syntheticNpi,
  type Seed,
} from '../../synthetic/index.js';
import { recordAudit } from '../audit/index.js';
import { systemClock } from '../context.js';

export interface DemoStaffUsers {
  peerId: string;
  supervisorId: string;
  /**
   * Peers who serve the programs outside California, each certified in their own state (North Carolina and
   * Kansas require their state's certification) and supervised by the demo supervisor.
   */
  statePeers?: readonly { userId: string; certificationType: 'north_carolina_peer' | 'kansas_peer' }[];
}

export interface DemoStaffOptions {
  /** "Now" for the demo; the current time when omitted. */
  now?: Date;
  /** Seed of the synthetic NPIs and dates of birth; the demo seed when omitted. */
  seed?: Seed;
}

interface DemoCourse {
  daysAgo: number;
  title: string;
  provider: string;
  hours: number;
  lawAndEthicsHours: number;
}

/** 21 hours, 6 of them law and ethics: a full Medi-Cal renewal cycle's worth (20, of which 6). */
const PEER_COURSES: readonly DemoCourse[] = [
  {
    daysAgo: 300,
    title: 'Law and ethics for peer support specialists',
    provider: 'CalMHSA',
    hours: 6,
    lawAndEthicsHours: 6,
  },
  {
    daysAgo: 200,
    title: 'Motivational interviewing basics',
    provider: 'Synthetic Training Institute',
    hours: 8,
    lawAndEthicsHours: 0,
  },
  {
    daysAgo: 60,
    title: 'Trauma-informed recovery coaching',
    provider: 'Synthetic Training Institute',
    hours: 7,
    lawAndEthicsHours: 0,
  },
];

const SUPERVISOR_COURSES: readonly DemoCourse[] = [
  {
    daysAgo: 320,
    title: 'Supervising peer support specialists',
    provider: 'CalMHSA',
    hours: 12,
    lawAndEthicsHours: 4,
  },
  {
    daysAgo: 90,
    title: 'Ethics and boundaries in peer supervision',
    provider: 'CalMHSA',
    hours: 8,
    lawAndEthicsHours: 2,
  },
];

/**
 * Inserts the demo staff profiles and continuing education, in the caller's transaction.
 *
 * @param trx - the demo-data transaction
 * @param organisationId - the demo organisation
 * @param users - the demo peer and supervisor (user ids)
 * @param options - "now" and the seed
 */
export async function createDemoStaff(
  trx: Kysely<Database>,
  organisationId: string,
  users: DemoStaffUsers,
  options: DemoStaffOptions = {},
): Promise<void> {
  const now = options.now ?? systemClock.now();
  const today = now.toISOString().slice(0, 10);
  const rng = createRng(options.seed ?? DEMO_SEED).fork('staff');
  // Certified 340 days ago for the two-year Medi-Cal renewal cycle: current, and within its first year, so every
  // course below counts under Alameda's one-year continuing-education cycle as well as the statewide two-year one.
  const issuedOn = addDays(today, -340);
  const expiresOn = addDays(issuedOn, 2 * 365);
  const certification = {
    certification_type: 'medi_cal_peer' as const,
    // Recorded, never assumed: the peer specialist taxonomy every demo peer bills under.
    taxonomy: '175T00000X',
    certification_issued_on: issuedOn,
    certification_expires_on: expiresOn,
    high_school_diploma: true,
    lived_experience: true,
    background_check_on: addDays(issuedOn, -14),
    updated_at: now,
  };
  const supervisingSince = addDays(today, -330);
  const profiles = [
    {
      user_id: users.supervisorId,
      certification_number: `CPS-DEMO-${rng.fork('supervisor').digits(5)}`,
      npi: syntheticNpi(rng.fork('supervisor-npi')),
      date_of_birth: syntheticDateOfBirth(rng.fork('supervisor-birth'), {
        minAge: 35,
        maxAge: 60,
        onDate: today,
      }),
      supervisor_id: null,
      supervising_since: supervisingSince,
      supervisor_training_on: addDays(supervisingSince, 35),
      courses: SUPERVISOR_COURSES,
    },
    {
      user_id: users.peerId,
      certification_number: `CPS-DEMO-${rng.fork('peer').digits(5)}`,
      npi: syntheticNpi(rng.fork('peer-npi')),
      date_of_birth: syntheticDateOfBirth(rng.fork('peer-birth'), { minAge: 25, maxAge: 55, onDate: today }),
      supervisor_id: users.supervisorId,
      supervising_since: null,
      supervisor_training_on: null,
      courses: PEER_COURSES,
    },
  ];
  const statePeers = (users.statePeers ?? []).map((statePeer) => ({
    user_id: statePeer.userId,
    certification_type: statePeer.certificationType,
    certification_number: `${statePeer.certificationType === 'kansas_peer' ? 'KS' : 'NC'}-DEMO-${rng.fork(statePeer.certificationType).digits(5)}`,
    npi: syntheticNpi(rng.fork(`${statePeer.certificationType}-npi`)),
    date_of_birth: syntheticDateOfBirth(rng.fork(`${statePeer.certificationType}-birth`), {
      minAge: 25,
      maxAge: 55,
      onDate: today,
    }),
    supervisor_id: users.supervisorId,
    supervising_since: null,
    supervisor_training_on: null,
    // Kansas (003) also wants regularly scheduled clinical supervision from a QMHP or LMHP, recorded by name.
    ...(statePeer.certificationType === 'kansas_peer'
      ? {
          clinical_supervisor_name: 'Demo Clinical Supervisor, LMHP',
          clinical_supervisor_qualification: 'lmhp' as const,
        }
      : {}),
    courses: PEER_COURSES,
  }));
  const clock = { now: () => now };
  for (const { courses, ...profile } of [...profiles, ...statePeers]) {
    await trx
      .insertInto('staff_profiles')
      .values({ ...certification, ...profile, organisation_id: organisationId })
      .execute();
    await recordAudit(trx, clock, {
      organisationId,
      userId: null,
      userEmail: null,
      action: 'staff_profile.update',
      recordType: 'staff_profile',
      recordId: profile.user_id,
      ip: null,
      outcome: 'success',
      details: { via: 'demo-data', created: true },
    });
    for (const course of courses) {
      await trx
        .insertInto('continuing_education')
        .values({
          organisation_id: organisationId,
          user_id: profile.user_id,
          completed_on: addDays(today, -course.daysAgo),
          title: course.title,
          provider: course.provider,
          hours: course.hours,
          law_and_ethics_hours: course.lawAndEthicsHours,
        })
        .execute();
    }
  }
}
