/**
 * Kansas community contacts (003 Definition, setting minCommunityContactShare): the warning is given exactly
 * when the share is not a majority, and the community places of service are real CMS codes.
 */
import { describe, expect, it } from 'vitest';
import { isKnownPlaceOfService } from '../../engine/index.js';
import { COMMUNITY_PLACES_OF_SERVICE, communityContactProblem } from './community-contacts.js';

describe('communityContactProblem', () => {
  it('warns at half or less, with the counts and the contract line', () => {
    const problem = communityContactProblem({ total: 4, inCommunity: 2 }, '2026-11-23');
    expect(problem).toMatchObject({
      severity: 'warning',
      code: 'ks-pahp.staff.community_contacts',
      source: { section: 'Definition' },
    });
    expect(problem?.message).toContain('From 2026-08-26 to 2026-11-23, 2 of your 4');
    expect(problem?.source?.quote).toContain('The majority of PS contacts');
  });

  it('says nothing for a majority, or with no contacts to measure', () => {
    expect(communityContactProblem({ total: 5, inCommunity: 3 }, '2026-11-23')).toBeNull();
    expect(communityContactProblem({ total: 0, inCommunity: 0 }, '2026-11-23')).toBeNull();
    expect(communityContactProblem(undefined, '2026-11-23')).toBeNull();
  });

  it('counts only known CMS places of service as community ones, and not the office', () => {
    for (const code of COMMUNITY_PLACES_OF_SERVICE) {
      expect(isKnownPlaceOfService(code), code).toBe(true);
    }
    expect(COMMUNITY_PLACES_OF_SERVICE).not.toContain('11');
  });
});
