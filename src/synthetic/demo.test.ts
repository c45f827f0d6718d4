/**
 * @module synthetic/demo.test
 * The demo organisation and users: deterministic, one program per seed jurisdiction, identifiers synthetic.
 */
import { describe, expect, it } from 'vitest';
import { DisplayNameSchema, EmailSchema } from '../shared/api/common.js';
import { ProgramSchema } from '../shared/api/organisation.js';
import { ROLES } from '../shared/roles.js';
import {
  DEMO_JURISDICTIONS,
  DEMO_SEED,
  TAXONOMY_MENTAL_HEALTH_CLINIC,
  TAXONOMY_SUD_REHABILITATION_CLINIC,
  demoOrganisation,
  demoUsers,
} from './demo.js';
import { isSyntheticEin, isSyntheticEmail, isSyntheticNpi, isSyntheticPhone } from './identifiers.js';

const SyntheticProgramSchema = ProgramSchema.omit({ id: true }).strict();
const SEEDS = ['peerline-demo', 'another', 'bench-7', 42];

describe('demoOrganisation', () => {
  it('is identical for the same seed and defaults to DEMO_SEED', () => {
    expect(demoOrganisation('abc')).toEqual(demoOrganisation('abc'));
    expect(demoOrganisation()).toEqual(demoOrganisation(DEMO_SEED));
  });

  it('differs between seeds', () => {
    const first = demoOrganisation('seed-a');
    const second = demoOrganisation('seed-b');
    expect(second).not.toEqual(first);
    expect(second.programs.map((program) => program.npi)).not.toEqual(
      first.programs.map((program) => program.npi),
    );
  });

  // Pinned so that an accidental change to the generator (which would change every demo database) is seen.
  it('produces the pinned default demo organisation', () => {
    const organisation = demoOrganisation();
    expect(organisation.name).toBe('Cedar Bridge Peer Support Network (demo)');
    expect(organisation.taxId).toBe('003601869');
    expect(organisation.programs.map((program) => program.npi)).toEqual([
      '9117654332',
      '9822148935',
      '9938546493',
      '9174379955',
    ]);
  });

  it('has exactly one program per seed jurisdiction, with its packs, type and taxonomy', () => {
    for (const seed of SEEDS) {
      const { programs } = demoOrganisation(seed);
      expect(programs.map((program) => program.payerPacks)).toEqual([
        ['ca-dhcs', 'ca-acbhd'],
        ['ca-dhcs', 'ca-la-sapc'],
        ['nc-wellcare'],
        ['ks-pahp'],
      ]);
      expect(programs.map((program) => program.type)).toEqual([
        'mh_outpatient',
        'dmc_ods_outpatient',
        'mh_outpatient',
        'mh_outpatient',
      ]);
      expect(programs.map((program) => program.taxonomy)).toEqual([
        TAXONOMY_MENTAL_HEALTH_CLINIC,
        TAXONOMY_SUD_REHABILITATION_CLINIC,
        TAXONOMY_MENTAL_HEALTH_CLINIC,
        TAXONOMY_MENTAL_HEALTH_CLINIC,
      ]);
      expect(programs.map((program) => program.timeZone)).toEqual([
        'America/Los_Angeles',
        'America/Los_Angeles',
        'America/New_York',
        'America/Chicago',
      ]);
      expect(programs.map((program) => program.address.state)).toEqual(['CA', 'CA', 'NC', 'KS']);
      expect(programs[0]?.address.city).toBe('Oakland');
      expect(programs[1]?.address.city).toBe('Los Angeles');
      expect(['Raleigh', 'Durham']).toContain(programs[2]?.address.city);
      expect(['Wichita', 'Topeka']).toContain(programs[3]?.address.city);
      expect(programs).toHaveLength(DEMO_JURISDICTIONS.length);
    }
  });

  it('uses only synthetic identifiers and matches the shared Program shape', () => {
    for (const seed of SEEDS) {
      const organisation = demoOrganisation(seed);
      expect(organisation.name.endsWith(' (demo)')).toBe(true);
      expect(isSyntheticEin(organisation.taxId)).toBe(true);
      expect(isSyntheticPhone(organisation.phone)).toBe(true);
      const npis = organisation.programs.map((program) => program.npi);
      expect(new Set(npis).size).toBe(npis.length);
      for (const program of organisation.programs) {
        expect(isSyntheticNpi(program.npi)).toBe(true);
        expect(program.address.postalCode).toMatch(/^\d{5}0000$/);
        expect(SyntheticProgramSchema.parse(program)).toEqual(program);
      }
    }
  });

  it('returns fresh arrays, so a caller cannot change the jurisdiction table', () => {
    const organisation = demoOrganisation();
    organisation.programs[0]?.payerPacks.push('ks-pahp');
    expect(DEMO_JURISDICTIONS[0]?.payerPacks).toEqual(['ca-dhcs', 'ca-acbhd']);
  });
});

describe('demoUsers', () => {
  it('has one user per role with an easy role@demo.peerline.test login', () => {
    const users = demoUsers();
    expect(users.map((user) => user.roles)).toEqual(ROLES.map((role) => [role]));
    expect(users.map((user) => user.email)).toEqual(ROLES.map((role) => `${role}@demo.peerline.test`));
    for (const user of users) {
      expect(isSyntheticEmail(user.email)).toBe(true);
      expect(EmailSchema.parse(user.email)).toBe(user.email);
      expect(DisplayNameSchema.parse(user.displayName)).toBe(user.displayName);
    }
  });

  it('gives distinct names, the same for a seed and different across seeds', () => {
    for (const seed of SEEDS) {
      const names = demoUsers(seed).map((user) => user.displayName);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(demoUsers('x')).toEqual(demoUsers('x'));
    expect(demoUsers('x')).not.toEqual(demoUsers('y'));
  });

  it('carries no password', () => {
    for (const user of demoUsers()) {
      expect(Object.keys(user).sort()).toEqual(['displayName', 'email', 'roles']);
    }
  });
});
