/**
 * @module api/routes/users
 * /api/v1/users: user administration, for admins of the caller's organisation.
 */
import {
  CreateUserRequestSchema,
  IdParamsSchema,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
  UserListQuerySchema,
  UserListResponseSchema,
  UserResponseSchema,
} from '../../shared/api/index.js';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import type { ServiceContext } from '../../services/context.js';
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  setUserActive,
  updateUser,
} from '../../services/users/index.js';
import { authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerUserRoutes(app: ZodApp, ctx: ServiceContext): void {
  const adminOnly = requireUser(ctx, ['admin']);
  const tags = ['users'];

  app.get(
    '/api/v1/users',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Users of your organisation (active only unless includeInactive=true).',
        querystring: UserListQuerySchema,
        response: { 200: UserListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({
      users: await listUsers(ctx, authenticatedOf(request).actor, {
        includeInactive: request.query.includeInactive,
      }),
    }),
  );

  app.post(
    '/api/v1/users',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Create a user with roles and an initial password.',
        body: CreateUserRequestSchema,
        response: { 201: UserResponseSchema, ...problemResponses(...GUARDED, 409, 415) },
      },
    },
    async (request, reply) => {
      const user = await createUser(ctx, authenticatedOf(request).actor, request.body);
      return reply.code(201).send({ user });
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'One user of your organisation.',
        params: IdParamsSchema,
        response: { 200: UserResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => ({ user: await getUser(ctx, authenticatedOf(request).actor, request.params.id) }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Change a user’s name or roles.',
        params: IdParamsSchema,
        body: UpdateUserRequestSchema,
        response: { 200: UserResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      user: await updateUser(ctx, authenticatedOf(request).actor, request.params.id, request.body),
    }),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/v1/users/:id/${action}`,
      {
        preHandler: adminOnly,
        schema: {
          tags,
          summary: active
            ? 'Let a deactivated user sign in again.'
            : 'Stop a user from signing in and end their sessions; their records stay.',
          params: IdParamsSchema,
          body: EmptyBodySchema,
          response: { 200: UserResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
        },
      },
      async (request) => ({
        user: await setUserActive(ctx, authenticatedOf(request).actor, request.params.id, active),
      }),
    );
  }

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Set a new password, unlock the account and end the user’s sessions.',
        params: IdParamsSchema,
        body: ResetPasswordRequestSchema,
        response: { 200: UserResponseSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request) => ({
      user: await resetPassword(
        ctx,
        authenticatedOf(request).actor,
        request.params.id,
        request.body.password,
      ),
    }),
  );
}
