/**
 * Community contacts (003 Definition, setting minCommunityContactShare): the warning is given exactly when the
 * share is not a majority, under every pack with the setting and in its name, and the community places of
 * service are real CMS codes.
 */
import { describe, expect, it } from 'vitest';
import { allPacks, getPack, isKnownPlaceOfService, type Pack } from '../../engine/index.js';
import {
  COMMUNITY_PLACES_OF_SERVICE,
  communityContactProblem,
  communityContactsCode,
  measuresCommunityContacts,
} from './community-contacts.js';

function kansas(): Pack {
  const pack = getPack('ks-pahp');
  if (pack === undefined) throw new Error('pack ks-pahp is not loaded');
  return pack;
}

describe('communityContactProblem', () => {
  it('warns at half or less, with the counts and the contract line', () => {
    const problem = communityContactProblem(kansas(), { total: 4, inCommunity: 2 }, '2026-11-23');
    expect(problem).toMatchObject({
      severity: 'warning',
      code: 'ks-pahp.staff.community_contacts',
      source: { section: 'Definition' },
    });
    expect(problem?.message).toContain(
      'From 2026-08-26 to 2026-11-23, 2 of your 4 contacts with members in Kansas Mental Health PAHP programs (50%)',
    );
    expect(problem?.message).toContain('a group’s once for each member who attended');
    expect(problem?.source?.quote).toContain('The majority of PS contacts');
  });

  it('says nothing for a majority, or with no contacts to measure', () => {
    expect(communityContactProblem(kansas(), { total: 5, inCommunity: 3 }, '2026-11-23')).toBeNull();
    expect(communityContactProblem(kansas(), { total: 0, inCommunity: 0 }, '2026-11-23')).toBeNull();
    expect(communityContactProblem(kansas(), undefined, '2026-11-23')).toBeNull();
  });

  it('is measured for any pack with the setting, under that pack’s id and name and its own share', () => {
    expect(
      allPacks()
        .filter(measuresCommunityContacts)
        .map((pack) => pack.id),
    ).toContain('ks-pahp');
    expect(measuresCommunityContacts(getPack('ca-dhcs') ?? kansas())).toBe(false);
    const base = kansas();
    const setting = base.settings['minCommunityContactShare'];
    if (setting === undefined) throw new Error('ks-pahp has no minCommunityContactShare');
    // A payer added from a pack file, asking for two thirds.
    const added: Pack = {
      ...base,
      id: 'zz-added',
      name: 'Zedland Health Plan',
      settings: { ...base.settings, minCommunityContactShare: { ...setting, value: 2 / 3 } },
    };
    expect(communityContactsCode(added)).toBe('zz-added.staff.community_contacts');
    const problem = communityContactProblem(added, { total: 5, inCommunity: 3 }, '2026-11-23');
    expect(problem?.code).toBe('zz-added.staff.community_contacts');
    expect(problem?.message).toContain('members in Zedland Health Plan programs (60%)');
    expect(problem?.message).toContain(
      'Zedland Health Plan expects more than 67% of peer support contacts in the community',
    );
    expect(communityContactProblem(added, { total: 3, inCommunity: 3 }, '2026-11-23')).toBeNull();
  });

  it('counts only known CMS places of service as community ones, and not the office', () => {
    for (const code of COMMUNITY_PLACES_OF_SERVICE) {
      expect(isKnownPlaceOfService(code), code).toBe(true);
    }
    expect(COMMUNITY_PLACES_OF_SERVICE).not.toContain('11');
  });
});
