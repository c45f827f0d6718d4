/**
 * @module web/api/care-plans
 * The plan-of-care routes: a member's versions, writing the first plan, reading and saving a version,
 * submitting, approving, returning, starting an update, and the approvers' queue. Each answer is parsed with
 * the route's shared schema (`src/shared/api/care-plans.ts`).
 */
import {
  CarePlanListResponseSchema,
  CarePlanResponseSchema,
  MemberCarePlansResponseSchema,
} from '../../../src/shared/index.js';
import type {
  ApproveCarePlanRequest,
  CarePlan,
  CreateCarePlanRequest,
  MemberCarePlansResponse,
  ReturnCarePlanRequest,
  UpdateCarePlanRequest,
} from '../../../src/shared/index.js';
import type { CarePlanStatus } from '../../../src/shared/documentation.js';
import { requestJson } from './legacy-client.js';

const CARE_PLANS = '/api/v1/care-plans';

function carePlanPath(id: string, action?: string): string {
  const path = `${CARE_PLANS}/${encodeURIComponent(id)}`;
  return action === undefined ? path : `${path}/${action}`;
}

function memberCarePlansPath(memberId: string): string {
  return `/api/v1/members/${encodeURIComponent(memberId)}/care-plans`;
}

export function listMemberCarePlans(
  memberId: string,
  signal?: AbortSignal,
): Promise<MemberCarePlansResponse> {
  return requestJson(memberCarePlansPath(memberId), MemberCarePlansResponseSchema, { signal });
}

export async function createCarePlan(memberId: string, body: CreateCarePlanRequest): Promise<CarePlan> {
  return (await requestJson(memberCarePlansPath(memberId), CarePlanResponseSchema, { method: 'POST', body }))
    .plan;
}

/** Plans in one status across the members you can see; `submitted` is the approvers' queue. */
export async function listCarePlans(status: CarePlanStatus, signal?: AbortSignal): Promise<CarePlan[]> {
  return (await requestJson(CARE_PLANS, CarePlanListResponseSchema, { query: { status }, signal })).plans;
}

export async function getCarePlan(id: string, signal?: AbortSignal): Promise<CarePlan> {
  return (await requestJson(carePlanPath(id), CarePlanResponseSchema, { signal })).plan;
}

export async function saveCarePlan(id: string, body: UpdateCarePlanRequest): Promise<CarePlan> {
  return (await requestJson(carePlanPath(id), CarePlanResponseSchema, { method: 'PUT', body })).plan;
}

async function carePlanAction(id: string, action: string, body: object = {}): Promise<CarePlan> {
  return (await requestJson(carePlanPath(id, action), CarePlanResponseSchema, { method: 'POST', body })).plan;
}

export function submitCarePlan(id: string): Promise<CarePlan> {
  return carePlanAction(id, 'submit');
}

export function approveCarePlan(id: string, body: ApproveCarePlanRequest): Promise<CarePlan> {
  return carePlanAction(id, 'approve', body);
}

export function returnCarePlan(id: string, body: ReturnCarePlanRequest): Promise<CarePlan> {
  return carePlanAction(id, 'return', body);
}

/** Starts a new draft version copied from this, the latest approved version. */
export function startCarePlanUpdate(id: string): Promise<CarePlan> {
  return carePlanAction(id, 'update');
}
