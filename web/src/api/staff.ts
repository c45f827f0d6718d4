/**
 * @module web/api/staff
 * The staff credentials routes: the compliance list, one staff member's page, saving a profile, and adding
 * or removing continuing-education entries. Each answer is parsed with the route's shared schema
 * (`src/shared/api/staff.ts`).
 */
import { StaffDetailResponseSchema, StaffListResponseSchema } from '../../../src/shared/index.js';
import type {
  AddContinuingEducationRequest,
  StaffDetail,
  StaffListResponse,
  StaffProfileRequest,
} from '../../../src/shared/index.js';
import { requestJson } from './legacy-client.js';

const STAFF = '/api/v1/staff';

function staffPath(userId: string, rest = ''): string {
  return `${STAFF}/${encodeURIComponent(userId)}${rest}`;
}

/** Staff the signed-in user may see, with compliance; `needsAttention` keeps only those not compliant. */
export function listStaff(needsAttention: boolean, signal?: AbortSignal): Promise<StaffListResponse> {
  return requestJson(STAFF, StaffListResponseSchema, {
    query: { needsAttention: needsAttention ? 'true' : undefined },
    signal,
  });
}

export async function getStaffMember(userId: string, signal?: AbortSignal): Promise<StaffDetail> {
  return (await requestJson(staffPath(userId), StaffDetailResponseSchema, { signal })).staff;
}

/** Saves the whole profile (admins). */
export async function saveStaffProfile(userId: string, body: StaffProfileRequest): Promise<StaffDetail> {
  return (await requestJson(staffPath(userId), StaffDetailResponseSchema, { method: 'PUT', body })).staff;
}

export async function addContinuingEducation(
  userId: string,
  body: AddContinuingEducationRequest,
): Promise<StaffDetail> {
  return (
    await requestJson(staffPath(userId, '/continuing-education'), StaffDetailResponseSchema, {
      method: 'POST',
      body,
    })
  ).staff;
}

/** Removes a log entry (admins). */
export async function removeContinuingEducation(userId: string, entryId: string): Promise<StaffDetail> {
  return (
    await requestJson(
      staffPath(userId, `/continuing-education/${encodeURIComponent(entryId)}`),
      StaffDetailResponseSchema,
      { method: 'DELETE', body: {} },
    )
  ).staff;
}
