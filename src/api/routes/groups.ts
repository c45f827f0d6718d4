/**
 * @module api/routes/groups
 * /api/v1/groups: group sessions, their attendance, each attendee's note and claim preview, and signing.
 * Any role may read the groups within its reach (the service scopes them); billing staff only read.
 */
import {
  GROUP_WRITER_ROLES,
  AddAttendeesRequestSchema,
  attendeeRequestPath,
  CreateGroupSessionRequestSchema,
  GroupAttendeeParamsSchema,
  GroupListQuerySchema,
  GroupListResponseSchema,
  GroupOptionsResponseSchema,
  GroupParamsSchema,
  GroupSessionResponseSchema,
  SaveAttendeeRequestSchema,
  SignGroupResponseSchema,
  UpdateGroupSessionRequestSchema,
} from '../../shared/api/index.js';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import type { ServiceContext } from '../../services/context.js';
import {
  addAttendees,
  createGroup,
  getGroup,
  groupOptions,
  listGroups,
  removeAttendee,
  saveAttendee,
  signGroup,
  updateGroup,
} from '../../services/groups/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

export function registerGroupRoutes(app: ZodApp, ctx: ServiceContext): void {
  const reader = requireUser(ctx, ANY_ROLE);
  const writer = requireUser(ctx, GROUP_WRITER_ROLES);
  const tags = ['groups'];

  app.get(
    '/api/v1/groups',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'Group sessions you ran or your team ran (every group for admins, billing and clinicians).',
        querystring: GroupListQuerySchema,
        response: { 200: GroupListResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ groups: await listGroups(ctx, authenticatedOf(request).actor, request.query) }),
  );

  app.get(
    '/api/v1/groups/options',
    {
      preHandler: writer,
      schema: {
        tags,
        summary: 'What a new group can use: programs, staff who can facilitate, members you can add.',
        response: { 200: GroupOptionsResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => groupOptions(ctx, authenticatedOf(request).actor),
  );

  app.post(
    '/api/v1/groups',
    {
      preHandler: writer,
      schema: {
        tags,
        summary: 'Create a group session with its facilitators and attendees (one draft note each).',
        body: CreateGroupSessionRequestSchema,
        response: { 201: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 415) },
      },
    },
    async (request, reply) => {
      const group = await createGroup(ctx, authenticatedOf(request).actor, request.body);
      return reply.code(201).send({ group });
    },
  );

  app.get(
    '/api/v1/groups/:groupId',
    {
      preHandler: reader,
      schema: {
        tags,
        summary: 'One group session with each attendee’s note and claim preview.',
        params: GroupParamsSchema,
        response: { 200: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => ({
      group: await getGroup(ctx, authenticatedOf(request).actor, request.params.groupId),
    }),
  );

  app.patch(
    '/api/v1/groups/:groupId',
    {
      preHandler: writer,
      schema: {
        tags,
        summary:
          'Change the session (copied into every attendee’s draft note); refused once a note is signed.',
        params: GroupParamsSchema,
        body: UpdateGroupSessionRequestSchema,
        response: { 200: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      group: await updateGroup(ctx, authenticatedOf(request).actor, request.params.groupId, request.body),
    }),
  );

  app.post(
    '/api/v1/groups/:groupId/attendees',
    {
      preHandler: writer,
      schema: {
        tags,
        summary: 'Add members to the group, each with a draft note sharing the session.',
        params: GroupParamsSchema,
        body: AddAttendeesRequestSchema,
        response: { 200: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      group: await addAttendees(ctx, authenticatedOf(request).actor, request.params.groupId, request.body),
    }),
  );

  app.patch(
    '/api/v1/groups/:groupId/attendees/:memberId',
    {
      config: { bodyProblemPath: attendeeRequestPath },
      preHandler: writer,
      schema: {
        tags,
        summary: 'Save an attendee’s own response and next steps in their draft note.',
        params: GroupAttendeeParamsSchema,
        body: SaveAttendeeRequestSchema,
        response: { 200: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      group: await saveAttendee(
        ctx,
        authenticatedOf(request).actor,
        request.params.groupId,
        request.params.memberId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/api/v1/groups/:groupId/attendees/:memberId',
    {
      preHandler: writer,
      schema: {
        tags,
        summary: 'Remove an attendee and their draft note; refused once a note of the group is signed.',
        params: GroupAttendeeParamsSchema,
        body: EmptyBodySchema,
        response: { 200: GroupSessionResponseSchema, ...problemResponses(...GUARDED, 404, 409, 415) },
      },
    },
    async (request) => ({
      group: await removeAttendee(
        ctx,
        authenticatedOf(request).actor,
        request.params.groupId,
        request.params.memberId,
      ),
    }),
  );

  app.post(
    '/api/v1/groups/:groupId/sign',
    {
      preHandler: writer,
      schema: {
        tags,
        summary:
          'Sign every attendee’s draft note through the notes rules; blocked attendees are reported with the reason.',
        params: GroupParamsSchema,
        body: EmptyBodySchema,
        response: { 200: SignGroupResponseSchema, ...problemResponses(...GUARDED, 404, 415) },
      },
    },
    async (request) => signGroup(ctx, authenticatedOf(request).actor, request.params.groupId),
  );
}
