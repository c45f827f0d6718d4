/**
 * @module web/api/endpoints
 * One typed function per API route the web app calls, each parsed with the route's shared schema.
 */
import {
  AuditPageSchema,
  HealthResponseSchema,
  OrganisationResponseSchema,
  PayerPackListResponseSchema,
  SessionResponseSchema,
  UserListResponseSchema,
  UserResponseSchema,
} from '../../../src/shared/index.js';
import type {
  AuditPage,
  CreateUserRequest,
  HealthResponse,
  LoginRequest,
  OrganisationResponse,
  PayerPackSummary,
  ResetPasswordRequest,
  SessionResponse,
  ChangePasswordRequest,
  UpdateUserRequest,
  User,
} from '../../../src/shared/index.js';
import { requestJson, requestNoContent } from './legacy-client.js';

const V1 = '/api/v1';

/** Signs in; a 401 here means wrong email or password, not an ended session. */
export function login(body: LoginRequest): Promise<SessionResponse> {
  return requestJson(`${V1}/auth/login`, SessionResponseSchema, { method: 'POST', body, withSession: false });
}

/** Changes the signed-in user's own password; their other sessions end. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return requestNoContent(`${V1}/auth/change-password`, { method: 'POST', body });
}

export function logout(): Promise<void> {
  return requestNoContent(`${V1}/auth/logout`, { method: 'POST', body: {}, withSession: false });
}

/**
 * The current session. `withSession: false` when checking whether anyone is signed in at all; true when
 * the caller believes it is signed in, so that a 401 ends the session in the app too.
 */
export function getSession(options: {
  withSession: boolean;
  signal?: AbortSignal;
}): Promise<SessionResponse> {
  return requestJson(`${V1}/auth/session`, SessionResponseSchema, options);
}

export function getOrganisation(signal?: AbortSignal): Promise<OrganisationResponse> {
  return requestJson(`${V1}/organisation`, OrganisationResponseSchema, { signal });
}

/** Every payer rule pack the server has loaded, with its codes, rates, settings and rules (any role). */
export async function listPayerPacks(signal?: AbortSignal): Promise<PayerPackSummary[]> {
  return (await requestJson(`${V1}/payer-packs`, PayerPackListResponseSchema, { signal })).packs;
}

export async function listUsers(includeInactive: boolean, signal?: AbortSignal): Promise<User[]> {
  const response = await requestJson(`${V1}/users`, UserListResponseSchema, {
    query: { includeInactive: String(includeInactive) },
    signal,
  });
  return response.users;
}

export async function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return (await requestJson(userPath(id), UserResponseSchema, { signal })).user;
}

export async function createUser(body: CreateUserRequest): Promise<User> {
  return (await requestJson(`${V1}/users`, UserResponseSchema, { method: 'POST', body })).user;
}

export async function updateUser(id: string, body: UpdateUserRequest): Promise<User> {
  return (await requestJson(userPath(id), UserResponseSchema, { method: 'PATCH', body })).user;
}

export async function deactivateUser(id: string): Promise<User> {
  return (await requestJson(`${userPath(id)}/deactivate`, UserResponseSchema, { method: 'POST', body: {} }))
    .user;
}

export async function reactivateUser(id: string): Promise<User> {
  return (await requestJson(`${userPath(id)}/reactivate`, UserResponseSchema, { method: 'POST', body: {} }))
    .user;
}

/** Sets a new password; the server also unlocks the account. */
export async function resetPassword(id: string, body: ResetPasswordRequest): Promise<User> {
  return (await requestJson(`${userPath(id)}/reset-password`, UserResponseSchema, { method: 'POST', body }))
    .user;
}

/** Filters of the audit log as they travel in a query string (all optional strings). */
export interface AuditFilters {
  userId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of audit events, newest first; pass the previous page's `nextBefore` as `before` for older ones. */
export function listAuditEvents(
  filters: AuditFilters & { before?: string | undefined },
  signal?: AbortSignal,
): Promise<AuditPage> {
  return requestJson(`${V1}/audit-events`, AuditPageSchema, { query: { ...filters }, signal });
}

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return requestJson('/api/health', HealthResponseSchema, { signal, withSession: false });
}

function userPath(id: string): string {
  return `${V1}/users/${encodeURIComponent(id)}`;
}
