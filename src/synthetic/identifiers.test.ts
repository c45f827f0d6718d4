/**
 * @module synthetic/identifiers.test
 * Every synthetic identifier stays inside its reserved or never-issued range.
 */
import { describe, expect, it } from 'vitest';
import { EmailSchema } from '../shared/api/common.js';
import { isValidNpi } from '../shared/npi.js';
import {
  DEMO_EMAIL_DOMAIN,
  isSyntheticEin,
  isSyntheticEmail,
  isSyntheticEmailDomain,
  isSyntheticMedicaidId,
  isSyntheticNpi,
  isSyntheticPhone,
  syntheticEin,
  syntheticEmail,
  syntheticEmailAddress,
  syntheticMedicaidId,
  syntheticMedicaidIdAt,
  syntheticNpi,
  syntheticPhone,
} from './identifiers.js';
import { createRng } from './prng.js';

const SAMPLES = 10_000;

describe('syntheticNpi', () => {
  // NPPES issues NPIs beginning with 1 or 2 only; a valid 9-prefixed NPI passes checks but is nobody's.
  it('passes the NPI check digit and always starts with 9', () => {
    const rng = createRng('npi');
    const bad: string[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const npi = syntheticNpi(rng);
      if (!/^9\d{9}$/.test(npi) || !isValidNpi(npi) || !isSyntheticNpi(npi)) {
        bad.push(npi);
      }
    }
    expect(bad).toEqual([]);
  });

  it('does not count a valid NPI in the issued range as synthetic', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isSyntheticNpi('1234567893')).toBe(false);
    expect(isSyntheticNpi('9234567890')).toBe(isValidNpi('9234567890'));
  });
});

describe('syntheticPhone', () => {
  // 555-0100 through 555-0199 are reserved for fictional use in every area code.
  it('stays in 555-0100..555-0199 with a well-formed area code', () => {
    const rng = createRng('phone');
    const bad: string[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const phone = syntheticPhone(rng);
      const line = Number(phone.slice(6));
      const wellFormed = /^[2-9][0-8]\d55501\d{2}$/.test(phone) && phone.slice(1, 3) !== '11';
      if (!wellFormed || line < 100 || line > 199 || !isSyntheticPhone(phone)) {
        bad.push(phone);
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses the area code it is given and refuses a malformed one', () => {
    const rng = createRng('phone');
    expect(syntheticPhone(rng, '510')).toMatch(/^51055501\d{2}$/);
    expect(() => syntheticPhone(rng, '051')).toThrow(RangeError);
    expect(() => syntheticPhone(rng, '51')).toThrow(RangeError);
  });

  it('does not count an ordinary 555 number as synthetic', () => {
    expect(isSyntheticPhone('5105550200')).toBe(false);
    expect(isSyntheticPhone('5105551234')).toBe(false);
  });
});

describe('synthetic email addresses', () => {
  it('builds given.family at the demo .test domain by default', () => {
    const email = syntheticEmail({ givenName: 'Tomás', familyName: "O'Neil-Park" }, { suffix: 2 });
    expect(email).toBe('tomas.oneilpark2@demo.peerline.test');
    expect(EmailSchema.parse(email)).toBe(email);
  });

  it('only ever ends in .test or example.org', () => {
    const rng = createRng('email');
    for (let sample = 0; sample < 1000; sample += 1) {
      const domain = rng.pick([DEMO_EMAIL_DOMAIN, 'example.org', 'staff.example.org', 'peerline.test']);
      const email = syntheticEmail(
        { givenName: 'Imani', familyName: 'Nakamura' },
        { domain, suffix: sample },
      );
      expect(email.endsWith('.test') || email.endsWith('example.org')).toBe(true);
      expect(isSyntheticEmail(email)).toBe(true);
    }
  });

  // A typo must never turn a demo address into one that can deliver mail.
  it('refuses domains that could deliver mail', () => {
    for (const domain of [
      'gmail.com',
      'example.org.evil.com',
      'notexample.org',
      'test',
      'peerline.testing',
    ]) {
      expect(isSyntheticEmailDomain(domain)).toBe(false);
      expect(() => syntheticEmailAddress('admin', domain)).toThrow(RangeError);
    }
    expect(isSyntheticEmail('admin@gmail.com')).toBe(false);
    expect(isSyntheticEmail('@demo.peerline.test')).toBe(false);
  });

  it('refuses malformed local parts', () => {
    expect(syntheticEmailAddress('peer')).toBe('peer@demo.peerline.test');
    for (const localPart of ['', '.peer', 'peer.', 'Peer', 'pe er', 'peer@x']) {
      expect(() => syntheticEmailAddress(localPart)).toThrow(RangeError);
    }
  });
});

describe('syntheticEin', () => {
  // The IRS has never assigned the EIN prefix 00.
  it('is nine digits beginning 00', () => {
    const rng = createRng('ein');
    const bad: string[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const ein = syntheticEin(rng);
      if (!/^00\d{7}$/.test(ein) || !isSyntheticEin(ein)) {
        bad.push(ein);
      }
    }
    expect(bad).toEqual([]);
    expect(isSyntheticEin('121234567')).toBe(false);
  });
});

describe('synthetic Medicaid ids', () => {
  it('follow ZZ + state + 8 digits', () => {
    const rng = createRng('medicaid');
    const bad: string[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      const id = syntheticMedicaidId(rng, 'NC');
      if (!/^ZZNC\d{8}$/.test(id) || !isSyntheticMedicaidId(id)) {
        bad.push(id);
      }
    }
    expect(bad).toEqual([]);
    expect(isSyntheticMedicaidId('91234567A')).toBe(false);
  });

  it('refuses a malformed state', () => {
    const rng = createRng('medicaid');
    expect(() => syntheticMedicaidId(rng, 'ca')).toThrow(RangeError);
    expect(() => syntheticMedicaidId(rng, 'CAL')).toThrow(RangeError);
    expect(() => syntheticMedicaidIdAt(rng, 'C', 0)).toThrow(RangeError);
  });

  // Members are generated by index; their ids must never collide.
  it('are unique by index, deterministic and scattered', () => {
    const stream = createRng('medicaid').fork('members');
    const ids = new Set<string>();
    const count = 200_000;
    let malformed = 0;
    for (let index = 0; index < count; index += 1) {
      const id = syntheticMedicaidIdAt(stream, 'CA', index);
      malformed += isSyntheticMedicaidId(id) ? 0 : 1;
      ids.add(id);
    }
    expect(malformed).toBe(0);
    expect(ids.size).toBe(count);
    expect(syntheticMedicaidIdAt(stream, 'CA', 41)).toBe(
      syntheticMedicaidIdAt(createRng('medicaid').fork('members'), 'CA', 41),
    );
    expect(syntheticMedicaidIdAt(stream, 'CA', 0)).not.toBe(
      syntheticMedicaidIdAt(createRng('other').fork('members'), 'CA', 0),
    );
    const first = Number(syntheticMedicaidIdAt(stream, 'CA', 0).slice(4));
    const second = Number(syntheticMedicaidIdAt(stream, 'CA', 1).slice(4));
    expect(Math.abs(first - second)).toBeGreaterThan(1);
  });

  it('do not disturb the stream they are keyed by', () => {
    const stream = createRng('medicaid');
    syntheticMedicaidIdAt(stream, 'KS', 5);
    expect(stream.uint32()).toBe(createRng('medicaid').uint32());
  });

  it('refuse indices outside [0, 10^8)', () => {
    const stream = createRng('medicaid');
    expect(() => syntheticMedicaidIdAt(stream, 'CA', -1)).toThrow(RangeError);
    expect(() => syntheticMedicaidIdAt(stream, 'CA', 100_000_000)).toThrow(RangeError);
    expect(syntheticMedicaidIdAt(stream, 'CA', 99_999_999)).toMatch(/^ZZCA\d{8}$/);
  });
});
