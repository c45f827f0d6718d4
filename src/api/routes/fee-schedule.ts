/**
 * @module api/routes/fee-schedule
 * /api/v1/fee-schedule…: the organisation's fee schedule — every signed-in user may read what is charged and
 * expected (the payer rules page shows it); billing staff and admins add, change and remove lines, read the
 * history of changes, and export or import the schedule as CSV. The service checks roles and organisation
 * again.
 */
import { z } from 'zod';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import { IdParamsSchema } from '../../shared/api/common.js';
import {
  FeeCsvImportResultSchema,
  FeeCsvImportSchema,
  FeeHistoryQuerySchema,
  FeeHistorySchema,
  FeeLineChangeSchema,
  FeeLineInputSchema,
  FeeLineSchema,
  FeeScheduleQuerySchema,
  FeeScheduleSchema,
} from '../../shared/api/fee-schedule.js';
import type { ServiceContext } from '../../services/context.js';
import {
  addFee,
  changeFee,
  exportFeesCsv,
  FEE_EDITORS,
  feeHistory,
  importFeesCsv,
  listFees,
  removeFee,
} from '../../services/fee-schedule/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerFeeScheduleRoutes(app: ZodApp, ctx: ServiceContext): void {
  const reader = requireUser(ctx, ANY_ROLE);
  const editor = requireUser(ctx, FEE_EDITORS);
  const tags = ['fee schedule'];

  app.get(
    '/api/v1/fee-schedule',
    {
      preHandler: reader,
      schema: {
        tags,
        summary:
          'The fee schedule: charge and expected rate per payer, program, code and modifiers, by date.',
        querystring: FeeScheduleQuerySchema,
        response: { 200: FeeScheduleSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ fees: await listFees(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.post(
    '/api/v1/fee-schedule',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'Add a price from a date (the open-ended price before it ends the day before).',
        body: FeeLineInputSchema,
        response: { 201: FeeLineSchema, ...problemResponses(...GUARDED, 409, 415) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addFee(ctx, authenticatedOf(request).actor, request.body)),
  );

  app.put(
    '/api/v1/fee-schedule/:id',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'Change a line’s charge, expected rate or dates.',
        params: IdParamsSchema,
        body: FeeLineChangeSchema,
        response: { 200: FeeLineSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => changeFee(ctx, authenticatedOf(request).actor, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/fee-schedule/:id',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'Remove a line (its history stays; claims keep what they billed).',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 204: z.null(), ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request, reply) => {
      await removeFee(ctx, authenticatedOf(request).actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/fee-schedule/history',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'Who changed which line, when, and how (newest first).',
        querystring: FeeHistoryQuerySchema,
        response: { 200: FeeHistorySchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ changes: await feeHistory(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.get(
    '/api/v1/fee-schedule.csv',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'The fee schedule as CSV (prices in dollars), the columns the import reads.',
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV text'), ...problemResponses(...GUARDED) },
      },
    },
    async (request, reply) => {
      const csv = await exportFeesCsv(ctx, authenticatedOf(request).actor);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="peerline-fee-schedule.csv"')
        .send(csv);
    },
  );

  app.post(
    '/api/v1/fee-schedule/import',
    {
      preHandler: editor,
      schema: {
        tags,
        summary: 'Import a fee schedule CSV: all rows or none; a row with a line’s first day changes it.',
        body: FeeCsvImportSchema,
        response: { 200: FeeCsvImportResultSchema, ...problemResponses(...GUARDED, 409, 415) },
      },
    },
    async (request) => importFeesCsv(ctx, authenticatedOf(request).actor, request.body.csv),
  );
}
