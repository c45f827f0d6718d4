/**
 * @module web/api/billing
 * The billing routes (`/api/v1/billing/…`): billing runs and their progress, the worklist and its CSV, claims
 * with their lines, history and payer answers, corrections, prior authorizations, each payer's 837 settings,
 * and 837 batches with their files. Each answer is parsed with the route's shared schema
 * (`src/shared/api/billing.ts`).
 */
import {
  AuthorizationListSchema,
  AuthorizationSchema,
  BatchListSchema,
  BatchSchema,
  BillingRunListSchema,
  BillingRunSchema,
  ClaimDetailSchema,
  ClaimListSchema,
  PayerSettingsListSchema,
  PayerSettingsSchema,
  WorklistSchema,
} from '../../../src/shared/api/billing.js';
import type {
  AuthorizationView,
  Batch,
  BillingRun,
  Claim,
  ClaimCorrection,
  ClaimDetail,
  ClaimStatusChange,
  NewAuthorization,
  PayerSettings,
  StartBillingRunRequest,
  Worklist,
} from '../../../src/shared/api/billing.js';
import type { ClaimStatus } from '../../../src/shared/billing.js';
import type { PayerPackId } from '../../../src/shared/index.js';
import { requestJson } from './legacy-client.js';

const BILLING = '/api/v1/billing';

function billingPath(...parts: string[]): string {
  return [BILLING, ...parts.map(encodeURIComponent)].join('/');
}

/** A query as it travels: every value a string, unset ones left out. */
type Query = Readonly<Record<string, string | undefined>>;

/** Starts a run; the server answers at once (202) and works in the background. */
export function startBillingRun(body: StartBillingRunRequest): Promise<BillingRun> {
  return requestJson(billingPath('runs'), BillingRunSchema, { method: 'POST', body });
}

/** One run with its progress, for polling until it is no longer `running`. */
export function getBillingRun(runId: string, signal?: AbortSignal): Promise<BillingRun> {
  return requestJson(billingPath('runs', runId), BillingRunSchema, { signal });
}

/** Recent runs, newest first. */
export async function listBillingRuns(signal?: AbortSignal): Promise<BillingRun[]> {
  return (await requestJson(billingPath('runs'), BillingRunListSchema, { signal })).runs;
}

/** Filters of the worklist (and its CSV) as they travel in the query string. */
export interface WorklistFilters {
  programId?: string | undefined;
  payerPack?: string | undefined;
  code?: string | undefined;
  owner?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function getWorklist(filters: WorklistFilters, signal?: AbortSignal): Promise<Worklist> {
  return requestJson(billingPath('worklist'), WorklistSchema, { query: { ...filters }, signal });
}

/** The address of the worklist as CSV with the same filters, for a download link. */
export function worklistCsvHref(filters: WorklistFilters): string {
  return withQuery(billingPath('worklist.csv'), { ...filters });
}

/** Filters of the claim list as they travel in the query string. */
export interface ClaimFilters {
  status?: string | undefined;
  payerPack?: string | undefined;
  programId?: string | undefined;
  memberId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function listClaims(filters: ClaimFilters, signal?: AbortSignal): Promise<Claim[]> {
  return (await requestJson(billingPath('claims'), ClaimListSchema, { query: { ...filters }, signal }))
    .claims;
}

export function getClaim(claimId: string, signal?: AbortSignal): Promise<ClaimDetail> {
  return requestJson(billingPath('claims', claimId), ClaimDetailSchema, { signal });
}

/** Records the payer's answer; a move CLAIM_STATUS_MOVES does not allow is refused with 409. */
export function changeClaimStatus(claimId: string, body: ClaimStatusChange): Promise<ClaimDetail> {
  return requestJson(billingPath('claims', claimId, 'status'), ClaimDetailSchema, { method: 'POST', body });
}

/** Replaces or voids a claim; answers the new (replacement or void) claim. */
export function correctClaim(claimId: string, body: ClaimCorrection): Promise<ClaimDetail> {
  return requestJson(billingPath('claims', claimId, 'corrections'), ClaimDetailSchema, {
    method: 'POST',
    body,
  });
}

export async function listAuthorizations(signal?: AbortSignal): Promise<AuthorizationView[]> {
  return (await requestJson(billingPath('authorizations'), AuthorizationListSchema, { signal }))
    .authorizations;
}

export function addAuthorization(body: NewAuthorization): Promise<AuthorizationView> {
  return requestJson(billingPath('authorizations'), AuthorizationSchema, { method: 'POST', body });
}

export async function listPayerSettings(signal?: AbortSignal): Promise<PayerSettings[]> {
  return (await requestJson(billingPath('payers'), PayerSettingsListSchema, { signal })).payers;
}

export function savePayerSettings(body: PayerSettings): Promise<PayerSettings> {
  return requestJson(billingPath('payers'), PayerSettingsSchema, { method: 'PUT', body });
}

export async function listBatches(signal?: AbortSignal): Promise<Batch[]> {
  return (await requestJson(billingPath('batches'), BatchListSchema, { signal })).batches;
}

/** Writes every ready claim of the payer into 837 files; a 409 carries each claim's problems. */
export async function createBatches(payerPack: PayerPackId): Promise<Batch[]> {
  return (await requestJson(billingPath('batches'), BatchListSchema, { method: 'POST', body: { payerPack } }))
    .batches;
}

/** The address of a batch's 837 file, for a download link (the server names the file). */
export function batchFileHref(batchId: string): string {
  return billingPath('batches', batchId, 'file');
}

/** Marks a batch as sent to the payer; its claims become submitted. */
export function markBatchSubmitted(batchId: string): Promise<Batch> {
  return requestJson(billingPath('batches', batchId, 'submitted'), BatchSchema, { method: 'POST', body: {} });
}

/** Claim statuses a filter may name, for type-safe links such as "the ready claims". */
export function claimsHref(filters: ClaimFilters & { status?: ClaimStatus | undefined }): string {
  return withQuery('/billing/claims', { ...filters });
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
