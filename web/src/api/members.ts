/**
 * @module web/api/members
 * The member routes: search and caseloads, a member's record, adding and changing a member, peer
 * assignment, and the parts of the record (contacts, coverage, eligibility checks, diagnoses, episodes,
 * consents). Every change answers with the whole record, parsed with the shared schema.
 */
import {
  AssignablePeersResponseSchema,
  MemberResponseSchema,
  MemberSearchResponseSchema,
} from '../../../src/shared/index.js';
import type {
  ConsentRequest,
  ContactRequest,
  CoverageRequest,
  CreateMemberRequest,
  DiagnosisRequest,
  EligibilityCheckRequest,
  EpisodeRequest,
  MemberRecord,
  MemberSearchResponse,
  PersonRef,
  RevokeConsentRequest,
  UpdateMemberRequest,
} from '../../../src/shared/index.js';
import { requestJson } from './legacy-client.js';

const MEMBERS = '/api/v1/members';

function memberPath(memberId: string, ...rest: string[]): string {
  return [MEMBERS, encodeURIComponent(memberId), ...rest.map(encodeURIComponent)].join('/');
}

async function changed(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<MemberRecord> {
  return (await requestJson(path, MemberResponseSchema, { method, body })).member;
}

/** Search filters as they travel in the query string (all optional strings). */
export interface MemberSearchFilters {
  name?: string | undefined;
  medicaidId?: string | undefined;
  dateOfBirth?: string | undefined;
  scope?: 'all' | 'caseload' | undefined;
}

export function searchMembers(
  filters: MemberSearchFilters,
  signal?: AbortSignal,
): Promise<MemberSearchResponse> {
  return requestJson(MEMBERS, MemberSearchResponseSchema, { query: { ...filters }, signal });
}

export async function getMember(memberId: string, signal?: AbortSignal): Promise<MemberRecord> {
  return (await requestJson(memberPath(memberId), MemberResponseSchema, { signal })).member;
}

export function createMember(body: CreateMemberRequest): Promise<MemberRecord> {
  return changed(MEMBERS, 'POST', body);
}

export function updateMember(memberId: string, body: UpdateMemberRequest): Promise<MemberRecord> {
  return changed(memberPath(memberId), 'PATCH', body);
}

/** The peers the signed-in admin or supervisor may put a member's caseload with. */
export async function listAssignablePeers(signal?: AbortSignal): Promise<PersonRef[]> {
  return (await requestJson(`${MEMBERS}/assignable-peers`, AssignablePeersResponseSchema, { signal })).peers;
}

export function assignPeer(memberId: string, peerId: string | null): Promise<MemberRecord> {
  return changed(memberPath(memberId, 'assign-peer'), 'POST', { peerId });
}

/** The request body of each part of the record that has rows, by its path under the member. */
export interface MemberPartBodies {
  contacts: ContactRequest;
  coverage: CoverageRequest;
  'eligibility-checks': EligibilityCheckRequest;
  diagnoses: DiagnosisRequest;
  episodes: EpisodeRequest;
  consents: ConsentRequest;
}
export type MemberPart = keyof MemberPartBodies;

export function addMemberRecord<P extends MemberPart>(
  memberId: string,
  part: P,
  body: MemberPartBodies[P],
): Promise<MemberRecord> {
  return changed(memberPath(memberId, part), 'POST', body);
}

/** Replaces a row's fields (contacts, coverage, diagnoses, episodes). */
export function updateMemberRecord<P extends MemberPart>(
  memberId: string,
  part: P,
  recordId: string,
  body: MemberPartBodies[P],
): Promise<MemberRecord> {
  return changed(memberPath(memberId, part, recordId), 'PATCH', body);
}

/** Removes a row entered in error (contacts, coverage, diagnoses). */
export function removeMemberRecord(
  memberId: string,
  part: MemberPart,
  recordId: string,
): Promise<MemberRecord> {
  return changed(memberPath(memberId, part, recordId, 'remove'), 'POST', {});
}

export function revokeConsent(
  memberId: string,
  consentId: string,
  body: RevokeConsentRequest,
): Promise<MemberRecord> {
  return changed(memberPath(memberId, 'consents', consentId, 'revoke'), 'POST', body);
}
