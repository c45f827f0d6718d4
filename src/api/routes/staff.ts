/**
 * @module api/routes/staff
 * /api/v1/staff: staff credentials, continuing education and compliance. Any signed-in user may call the
 * reads and add to their own log; the service decides whose records they reach (admins and billing staff
 * everyone, a supervisor their team, others themselves). Saving a profile and removing a log entry are for
 * admins, checked here and again in the service.
 */
import {
  AddContinuingEducationRequestSchema,
  ContinuingEducationParamsSchema,
  StaffDetailQuerySchema,
  StaffDetailResponseSchema,
  StaffListQuerySchema,
  StaffListResponseSchema,
  StaffParamsSchema,
  StaffProfileRequestSchema,
} from '../../shared/api/index.js';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import type { ServiceContext } from '../../services/context.js';
import {
  addContinuingEducation,
  getStaffMember,
  listStaff,
  removeContinuingEducation,
  upsertStaffProfile,
} from '../../services/staff/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerStaffRoutes(app: ZodApp, ctx: ServiceContext): void {
  const signedIn = requireUser(ctx, ANY_ROLE);
  const adminOnly = requireUser(ctx, ['admin']);
  const tags = ['staff'];

  app.get(
    '/api/v1/staff',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Staff you may see, each with their compliance status under the payer packs of the programs they work in.',
        querystring: StaffListQuerySchema,
        response: { 200: StaffListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => listStaff(ctx, authenticatedOf(request).actor, request.query),
  );

  app.get(
    '/api/v1/staff/:userId',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One staff member’s credentials, continuing-education log and compliance.',
        params: StaffParamsSchema,
        querystring: StaffDetailQuerySchema,
        response: { 200: StaffDetailResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => ({
      staff: await getStaffMember(ctx, authenticatedOf(request).actor, request.params.userId, {
        asOf: request.query.asOf,
      }),
    }),
  );

  app.put(
    '/api/v1/staff/:userId',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Save a staff member’s credentials (replaces the whole profile; admins only).',
        params: StaffParamsSchema,
        body: StaffProfileRequestSchema,
        response: { 200: StaffDetailResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      staff: await upsertStaffProfile(
        ctx,
        authenticatedOf(request).actor,
        request.params.userId,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/v1/staff/:userId/continuing-education',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Add a continuing-education entry (to your own log, or anyone’s as an admin).',
        params: StaffParamsSchema,
        body: AddContinuingEducationRequestSchema,
        response: { 201: StaffDetailResponseSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request, reply) => {
      const staff = await addContinuingEducation(
        ctx,
        authenticatedOf(request).actor,
        request.params.userId,
        request.body,
      );
      return reply.code(201).send({ staff });
    },
  );

  app.delete(
    '/api/v1/staff/:userId/continuing-education/:entryId',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Remove a continuing-education entry (admins only), e.g. one recorded twice.',
        params: ContinuingEducationParamsSchema,
        body: EmptyBodySchema,
        response: { 200: StaffDetailResponseSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request) => ({
      staff: await removeContinuingEducation(
        ctx,
        authenticatedOf(request).actor,
        request.params.userId,
        request.params.entryId,
      ),
    }),
  );
}
