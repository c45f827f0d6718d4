/**
 * @module web/api/groups
 * The group-session routes: the list, what a new session can use, one session with each attendee's note and
 * claim preview, changing the session and its attendance, saving an attendee's response, and signing every
 * attendee's note. Each answer is parsed with the route's shared schema (`src/shared/api/groups.ts`).
 */
import {
  GroupListResponseSchema,
  GroupOptionsResponseSchema,
  GroupSessionResponseSchema,
  SignGroupResponseSchema,
} from '../../../src/shared/index.js';
import type {
  AddAttendeesRequest,
  CreateGroupSessionRequest,
  GroupOptionsResponse,
  GroupSession,
  GroupSessionSummary,
  SaveAttendeeRequest,
  SignGroupResponse,
  UpdateGroupSessionRequest,
} from '../../../src/shared/index.js';
import { requestJson } from './legacy-client.js';

const GROUPS = '/api/v1/groups';

function groupPath(groupId: string, ...rest: string[]): string {
  return [GROUPS, ...[groupId, ...rest].map(encodeURIComponent)].join('/');
}

export async function listGroups(signal?: AbortSignal): Promise<GroupSessionSummary[]> {
  return (await requestJson(GROUPS, GroupListResponseSchema, { signal })).groups;
}

/** Programs, people who can facilitate, and the members the signed-in user can add. */
export function getGroupOptions(signal?: AbortSignal): Promise<GroupOptionsResponse> {
  return requestJson(`${GROUPS}/options`, GroupOptionsResponseSchema, { signal });
}

export async function getGroup(groupId: string, signal?: AbortSignal): Promise<GroupSession> {
  return (await requestJson(groupPath(groupId), GroupSessionResponseSchema, { signal })).group;
}

export async function createGroup(body: CreateGroupSessionRequest): Promise<GroupSession> {
  return (await requestJson(GROUPS, GroupSessionResponseSchema, { method: 'POST', body })).group;
}

export async function updateGroup(groupId: string, body: UpdateGroupSessionRequest): Promise<GroupSession> {
  return (await requestJson(groupPath(groupId), GroupSessionResponseSchema, { method: 'PATCH', body })).group;
}

export async function addGroupAttendees(groupId: string, body: AddAttendeesRequest): Promise<GroupSession> {
  const path = groupPath(groupId, 'attendees');
  return (await requestJson(path, GroupSessionResponseSchema, { method: 'POST', body })).group;
}

export async function removeGroupAttendee(groupId: string, memberId: string): Promise<GroupSession> {
  const path = groupPath(groupId, 'attendees', memberId);
  return (await requestJson(path, GroupSessionResponseSchema, { method: 'DELETE', body: {} })).group;
}

export async function saveGroupAttendee(
  groupId: string,
  memberId: string,
  body: SaveAttendeeRequest,
): Promise<GroupSession> {
  const path = groupPath(groupId, 'attendees', memberId);
  return (await requestJson(path, GroupSessionResponseSchema, { method: 'PATCH', body })).group;
}

/** Signs every attendee's draft note; blocked attendees come back with their reasons. */
export function signGroup(groupId: string): Promise<SignGroupResponse> {
  return requestJson(groupPath(groupId, 'sign'), SignGroupResponseSchema, { method: 'POST', body: {} });
}
