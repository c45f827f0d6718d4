/**
 * @module api/routes/billing
 * /api/v1/billing/…: billing runs (started here, worked in the background, polled for progress), the
 * worklist (JSON and CSV), claims and their lifecycle and corrections, prior authorizations, payer settings,
 * and 837P batches (made, listed, downloaded, marked sent). Billing staff and admins; supervisors may read
 * authorizations. The services check roles and organisation again.
 */
import { z } from 'zod';
import {
  AuthorizationListQuerySchema,
  AuthorizationListSchema,
  AuthorizationSchema,
  BatchListSchema,
  BillingRunListSchema,
  BillingRunSchema,
  ClaimCorrectionSchema,
  ClaimDetailSchema,
  ClaimListQuerySchema,
  ClaimListSchema,
  ClaimStatusChangeSchema,
  NewAuthorizationSchema,
  NewBatchSchema,
  PayerSettingsListSchema,
  PayerSettingsSchema,
  StartBillingRunRequestSchema,
  WorklistQuerySchema,
  WorklistSchema,
  BatchSchema,
} from '../../shared/api/billing.js';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import { IdParamsSchema } from '../../shared/api/common.js';
import type { ServiceContext } from '../../services/context.js';
import {
  addAuthorization,
  BILLING_ROLES,
  batchFile,
  changeClaimStatus,
  correctClaim,
  export837Stream,
  getBillingRun,
  getClaim,
  getWorklist,
  listAuthorizations,
  listBatches,
  listBillingRuns,
  listClaims,
  listPayerSettings,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
  submitBatch,
  worklistCsv,
} from '../../services/billing/index.js';
import { authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerBillingRoutes(app: ZodApp, ctx: ServiceContext): void {
  const billing = requireUser(ctx, BILLING_ROLES);
  const authorizationReaders = requireUser(ctx, [...BILLING_ROLES, 'supervisor']);
  const tags = ['billing'];

  app.post(
    '/api/v1/billing/runs',
    {
      preHandler: billing,
      schema: {
        tags,
        summary:
          'Start a billing run over signed notes in a date range; it works in the background — poll GET …/runs/{id} for progress.',
        body: StartBillingRunRequestSchema,
        response: { 202: BillingRunSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request, reply) => {
      const { actor } = authenticatedOf(request);
      const run = await startBillingRun(ctx, actor, request.body);
      // The run commits chunk by chunk and marks itself failed on an error; a crash leaves it to the next run.
      processBillingRun(ctx, actor, run.id).catch((error: unknown) => {
        request.log.error({ err: error, runId: run.id }, 'billing run stopped');
      });
      return reply.code(202).send(run);
    },
  );

  app.get(
    '/api/v1/billing/runs',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Recent billing runs, newest first.',
        response: { 200: BillingRunListSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ runs: await listBillingRuns(ctx, authenticatedOf(request).actor) }),
  );

  app.get(
    '/api/v1/billing/runs/:id',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'One billing run with its progress.',
        params: IdParamsSchema,
        response: { 200: BillingRunSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => getBillingRun(ctx, authenticatedOf(request).actor, request.params.id),
  );

  app.get(
    '/api/v1/billing/worklist',
    {
      preHandler: billing,
      schema: {
        tags,
        summary:
          'Held notes grouped by problem (with who can clear each), claims by status, authorizations running out.',
        querystring: WorklistQuerySchema,
        response: { 200: WorklistSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => getWorklist(ctx, authenticatedOf(request).actor, request.query),
  );

  app.get(
    '/api/v1/billing/worklist.csv',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'The held notes as CSV, one row per problem.',
        querystring: WorklistQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text'), ...problemResponses(...GUARDED) },
      },
    },
    async (request, reply) => {
      const csv = await worklistCsv(ctx, authenticatedOf(request).actor, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="peerline-worklist.csv"')
        .send(csv);
    },
  );

  app.get(
    '/api/v1/billing/claims',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Claims, filtered by status, payer, program, member and dates of service.',
        querystring: ClaimListQuerySchema,
        response: { 200: ClaimListSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ claims: await listClaims(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.get(
    '/api/v1/billing/claims/:id',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'One claim with its lines and status history.',
        params: IdParamsSchema,
        response: { 200: ClaimDetailSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => getClaim(ctx, authenticatedOf(request).actor, request.params.id),
  );

  app.post(
    '/api/v1/billing/claims/:id/status',
    {
      preHandler: billing,
      schema: {
        tags,
        summary:
          'Record the payer’s answer: submitted, accepted (with its claim number), rejected (the notes are billed again), paid or denied.',
        params: IdParamsSchema,
        body: ClaimStatusChangeSchema,
        response: { 200: ClaimDetailSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) =>
      changeClaimStatus(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/billing/claims/:id/corrections',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Replace (frequency 7, notes judged again) or void (8) a claim the payer has on file.',
        params: IdParamsSchema,
        body: ClaimCorrectionSchema,
        response: { 201: ClaimDetailSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await correctClaim(ctx, authenticatedOf(request).actor, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/billing/authorizations',
    {
      preHandler: authorizationReaders,
      schema: {
        tags,
        summary: 'Prior authorizations with the units used and left.',
        querystring: AuthorizationListQuerySchema,
        response: { 200: AuthorizationListSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({
      authorizations: await listAuthorizations(ctx, authenticatedOf(request).actor, request.query),
    }),
  );

  app.post(
    '/api/v1/billing/authorizations',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Record a prior authorization from the payer.',
        body: NewAuthorizationSchema,
        response: { 201: AuthorizationSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAuthorization(ctx, authenticatedOf(request).actor, request.body)),
  );

  app.get(
    '/api/v1/billing/payers',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Each payer’s 837 settings: payer id, receiver, submitter and contact.',
        response: { 200: PayerSettingsListSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ payers: await listPayerSettings(ctx, authenticatedOf(request).actor) }),
  );

  app.put(
    '/api/v1/billing/payers',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Set one payer’s 837 settings.',
        body: PayerSettingsSchema,
        response: { 200: PayerSettingsSchema, ...problemResponses(...GUARDED, 415) },
      },
    },
    async (request) => savePayerSettings(ctx, authenticatedOf(request).actor, request.body),
  );

  app.get(
    '/api/v1/billing/batches',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: '837P batches, newest first.',
        response: { 200: BatchListSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ batches: await listBatches(ctx, authenticatedOf(request).actor) }),
  );

  app.post(
    '/api/v1/billing/batches',
    {
      preHandler: billing,
      schema: {
        tags,
        summary:
          'Write every ready claim of a payer into 837P files (per program, at most 5,000 claims each) and mark them batched. A file with a wrong claim is refused with each claim’s problems; files written before it stay.',
        body: NewBatchSchema,
        response: { 201: BatchListSchema, ...problemResponses(...GUARDED, 409, 415) },
      },
    },
    async (request, reply) => {
      // No sink: the files are stored with their batches and downloaded from `…/batches/{id}/file`.
      const { batches } = await export837Stream(ctx, authenticatedOf(request).actor, request.body.payerPack);
      return reply.code(201).send({ batches });
    },
  );

  app.get(
    '/api/v1/billing/batches/:id/file',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Download a batch’s 837 file.',
        params: IdParamsSchema,
        produces: ['application/edi-x12'],
        response: { 200: z.string().describe('X12 837P text'), ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request, reply) => {
      const file = await batchFile(ctx, authenticatedOf(request).actor, request.params.id);
      return reply
        .type('application/edi-x12')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );

  app.post(
    '/api/v1/billing/batches/:id/submitted',
    {
      preHandler: billing,
      schema: {
        tags,
        summary: 'Mark a batch as sent to the payer; its claims become submitted.',
        params: IdParamsSchema,
        body: EmptyBodySchema.optional(),
        response: { 200: BatchSchema, ...problemResponses(...GUARDED, 404, 409) },
      },
    },
    async (request) => submitBatch(ctx, authenticatedOf(request).actor, request.params.id),
  );
}
