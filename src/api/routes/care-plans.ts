/**
 * @module api/routes/care-plans
 * Plans of care: /api/v1/members/:memberId/care-plans (a member's versions; write the first one) and
 * /api/v1/care-plans (the approvers' queue, one version, saving a draft, submit, approve, return, and
 * starting an update). Every signed-in role may call them; the service decides by role and caseload (billing
 * staff read, peers write for their caseload, clinicians and supervisors approve).
 */
import type { z } from 'zod';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import {
  ApproveCarePlanRequestSchema,
  CarePlanListQuerySchema,
  CarePlanListResponseSchema,
  CarePlanMemberParamsSchema,
  CarePlanResponseSchema,
  CreateCarePlanRequestSchema,
  IdParamsSchema,
  MemberCarePlansResponseSchema,
  ReturnCarePlanRequestSchema,
  UpdateCarePlanRequestSchema,
} from '../../shared/api/index.js';
import { ROLES } from '../../shared/roles.js';
import {
  approveCarePlan,
  createCarePlan,
  getCarePlan,
  listCarePlans,
  listMemberCarePlans,
  returnCarePlan,
  startCarePlanUpdate,
  submitCarePlan,
  updateCarePlan,
} from '../../services/care-plans/index.js';
import type { ServiceContext } from '../../services/context.js';
import { authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerCarePlanRoutes(app: ZodApp, ctx: ServiceContext): void {
  const signedIn = requireUser(ctx, ROLES);
  const tags = ['care-plans'];

  app.get(
    '/api/v1/members/:memberId/care-plans',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Every version of a member’s plan of care, newest first, with the one in effect today.',
        params: CarePlanMemberParamsSchema,
        response: { 200: MemberCarePlansResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => listMemberCarePlans(ctx, authenticatedOf(request).actor, request.params.memberId),
  );

  app.post(
    '/api/v1/members/:memberId/care-plans',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Write a member’s first plan of care (version 1, a draft).',
        params: CarePlanMemberParamsSchema,
        body: CreateCarePlanRequestSchema,
        response: { 201: CarePlanResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request, reply) => {
      const plan = await createCarePlan(
        ctx,
        authenticatedOf(request).actor,
        request.params.memberId,
        request.body,
      );
      return reply.code(201).send({ plan });
    },
  );

  app.get(
    '/api/v1/care-plans',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'Plans in one status (default: waiting for approval) of the members you can see.',
        querystring: CarePlanListQuerySchema,
        response: { 200: CarePlanListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ plans: await listCarePlans(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.get(
    '/api/v1/care-plans/:id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary: 'One version of a plan of care.',
        params: IdParamsSchema,
        response: { 200: CarePlanResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => ({ plan: await getCarePlan(ctx, authenticatedOf(request).actor, request.params.id) }),
  );

  app.put(
    '/api/v1/care-plans/:id',
    {
      preHandler: signedIn,
      schema: {
        tags,
        summary:
          'Save a draft: long-term goals, short-term goals (the list replaces the stored one), participation and agreement.',
        params: IdParamsSchema,
        body: UpdateCarePlanRequestSchema,
        response: { 200: CarePlanResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      plan: await updateCarePlan(ctx, authenticatedOf(request).actor, request.params.id, request.body),
    }),
  );

  const transition = <B extends z.ZodType, S extends 200 | 201>(summary: string, body: B, status: S) => ({
    preHandler: signedIn,
    schema: {
      tags,
      summary,
      params: IdParamsSchema,
      body,
      response: {
        ...({ [status]: CarePlanResponseSchema } as Record<S, typeof CarePlanResponseSchema>),
        ...problemResponses(...GUARDED, 404, 409, 415),
      },
    },
  });

  app.post(
    '/api/v1/care-plans/:id/submit',
    transition('Send a complete draft for approval.', EmptyBodySchema, 200),
    async (request) => ({
      plan: await submitCarePlan(ctx, authenticatedOf(request).actor, request.params.id),
    }),
  );

  app.post(
    '/api/v1/care-plans/:id/approve',
    transition('Approve and sign a submitted plan (not your own).', ApproveCarePlanRequestSchema, 200),
    async (request) => ({
      plan: await approveCarePlan(ctx, authenticatedOf(request).actor, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/v1/care-plans/:id/return',
    transition('Send a submitted plan back to its author with a comment.', ReturnCarePlanRequestSchema, 200),
    async (request) => ({
      plan: await returnCarePlan(ctx, authenticatedOf(request).actor, request.params.id, request.body),
    }),
  );

  app.post(
    '/api/v1/care-plans/:id/update',
    transition(
      'Start a new draft version copied from this, the latest approved version.',
      EmptyBodySchema,
      201,
    ),
    async (request, reply) => {
      const plan = await startCarePlanUpdate(ctx, authenticatedOf(request).actor, request.params.id);
      return reply.code(201).send({ plan });
    },
  );
}
