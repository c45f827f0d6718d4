/**
 * @module api/routes/members
 * /api/v1/members: search and caseloads, a member's record and its parts, and peer assignment.
 *
 * Every role may search and read (each within its reach: services/access); clinical staff change the
 * record; billing staff also record coverage and eligibility; admins and supervisors add members and assign
 * peers. A member out of reach answers 404, like one of another organisation. Every change answers with the
 * whole record as it now stands, so a page can show it without reading again.
 */
import type { z } from 'zod';
import { EmptyBodySchema } from '../../shared/api/auth.js';
import {
  AssignablePeersResponseSchema,
  AssignPeerRequestSchema,
  ConsentRequestSchema,
  ContactRequestSchema,
  CoverageRequestSchema,
  CreateMemberRequestSchema,
  DiagnosisRequestSchema,
  EligibilityCheckRequestSchema,
  EligibilityDeterminationRequestSchema,
  EpisodeRequestSchema,
  MemberParamsSchema,
  MemberRecordParamsSchema,
  MemberResponseSchema,
  MemberSearchQuerySchema,
  MemberSearchResponseSchema,
  OutsideGroupHoursRequestSchema,
  RevokeConsentRequestSchema,
  UpdateMemberRequestSchema,
  type MemberRecord,
} from '../../shared/api/index.js';
import type { Role } from '../../shared/roles.js';
import type { Actor, ServiceContext } from '../../services/context.js';
import * as members from '../../services/members/index.js';
import { ANY_ROLE, authenticatedOf, requireUser } from '../plugins/authentication.js';
import { GUARDED, problemResponses, type ZodApp } from '../types.js';

const tags = ['members'];
const BASE = '/api/v1/members';
const MEMBER = `${BASE}/:memberId`;

/** Roles that change clinical records (within their reach). */
const CLINICAL: readonly Role[] = ['admin', 'supervisor', 'peer', 'clinician'];
/** Coverage and eligibility: clinical staff and billing staff. */
const COVERAGE: readonly Role[] = ANY_ROLE;
/** Adding members and putting them on caseloads. */
const ASSIGNERS: readonly Role[] = ['admin', 'supervisor'];

interface RecordRoute<P extends z.ZodType, B extends z.ZodType> {
  method: 'POST' | 'PATCH';
  url: string;
  summary: string;
  roles: readonly Role[];
  params: P;
  body: B;
  /** 201 when the route adds something. */
  status: 200 | 201;
  run: (actor: Actor, params: z.infer<P>, body: z.infer<B>) => Promise<MemberRecord>;
}

/** A route that changes a member's record and answers with the whole record. */
function recordRoute<P extends z.ZodType, B extends z.ZodType>(
  app: ZodApp,
  ctx: ServiceContext,
  spec: RecordRoute<P, B>,
): void {
  app.route({
    method: spec.method,
    url: spec.url,
    preHandler: requireUser(ctx, spec.roles),
    schema: {
      tags,
      summary: spec.summary,
      params: spec.params,
      body: spec.body,
      response: {
        // Only the route's own success status is declared; the type names both so `reply.code` accepts it.
        ...({ [spec.status]: MemberResponseSchema } as Record<200 | 201, typeof MemberResponseSchema>),
        ...problemResponses(...GUARDED, 404, 409, 415),
      },
    },
    handler: async (request, reply) => {
      // The route's own schemas have validated (and normalised) both before the handler runs.
      const params = request.params as z.infer<P>;
      const body = request.body as z.infer<B>;
      const member = await spec.run(authenticatedOf(request).actor, params, body);
      return reply.code(spec.status).send({ member });
    },
  });
}

export function registerMemberRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    BASE,
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags,
        summary:
          'Search the members you can see by name (part of it, any case), Medicaid ID or date of birth; scope=caseload for the members assigned to you.',
        querystring: MemberSearchQuerySchema,
        response: { 200: MemberSearchResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => members.searchMembers(ctx, authenticatedOf(request).actor, request.query),
  );

  app.post(
    BASE,
    {
      preHandler: requireUser(ctx, ASSIGNERS),
      schema: {
        tags,
        summary:
          'Add a member, with any contacts, coverage, diagnoses, episodes and consents known at intake (all or nothing).',
        body: CreateMemberRequestSchema,
        response: { 201: MemberResponseSchema, ...problemResponses(...GUARDED, 409, 415) },
      },
    },
    async (request, reply) => {
      const member = await members.createMember(ctx, authenticatedOf(request).actor, request.body);
      return reply.code(201).send({ member });
    },
  );

  app.get(
    `${BASE}/assignable-peers`,
    {
      preHandler: requireUser(ctx, ASSIGNERS),
      schema: {
        tags,
        summary: 'The peers you may put a member’s caseload with (admins: all; supervisors: their team).',
        response: { 200: AssignablePeersResponseSchema, ...problemResponses(...GUARDED) },
      },
    },
    async (request) => ({ peers: await members.listAssignablePeers(ctx, authenticatedOf(request).actor) }),
  );

  app.get(
    MEMBER,
    {
      preHandler: requireUser(ctx, ANY_ROLE),
      schema: {
        tags,
        summary: 'A member’s whole record, with what you may change in it.',
        params: MemberParamsSchema,
        response: { 200: MemberResponseSchema, ...problemResponses(...GUARDED, 404) },
      },
    },
    async (request) => ({
      member: await members.getMember(ctx, authenticatedOf(request).actor, request.params.memberId),
    }),
  );

  recordRoute(app, ctx, {
    method: 'PATCH',
    url: MEMBER,
    summary: 'Change a member’s demographics, program or active flag (fields not sent stay).',
    roles: CLINICAL,
    params: MemberParamsSchema,
    body: UpdateMemberRequestSchema,
    status: 200,
    run: (actor, params, body) => members.updateMember(ctx, actor, params.memberId, body),
  });

  recordRoute(app, ctx, {
    method: 'POST',
    url: `${MEMBER}/assign-peer`,
    summary: 'Put the member on a peer’s caseload (supervisors: a peer on their team).',
    roles: ASSIGNERS,
    params: MemberParamsSchema,
    body: AssignPeerRequestSchema,
    status: 200,
    run: (actor, params, body) => members.assignPeer(ctx, actor, params.memberId, body.peerId),
  });

  registerPart(app, ctx, {
    path: 'contacts',
    what: 'contact (guardian, family, significant support)',
    roles: CLINICAL,
    body: ContactRequestSchema,
    add: members.addContact,
    update: members.updateContact,
    remove: members.removeContact,
  });
  registerPart(app, ctx, {
    path: 'coverage',
    what: 'coverage period',
    roles: COVERAGE,
    body: CoverageRequestSchema,
    add: members.addCoverage,
    update: members.updateCoverage,
    remove: members.removeCoverage,
  });
  registerPart(app, ctx, {
    path: 'diagnoses',
    what: 'diagnosis',
    roles: CLINICAL,
    body: DiagnosisRequestSchema,
    add: members.addDiagnosis,
    update: members.updateDiagnosis,
    remove: members.removeDiagnosis,
  });

  recordRoute(app, ctx, {
    method: 'POST',
    url: `${MEMBER}/eligibility-checks`,
    summary: 'Record an eligibility check (who checked is you).',
    roles: COVERAGE,
    params: MemberParamsSchema,
    body: EligibilityCheckRequestSchema,
    status: 201,
    run: (actor, params, body) => members.addEligibilityCheck(ctx, actor, params.memberId, body),
  });

  registerPart(app, ctx, {
    path: 'eligibility-determinations',
    what: 'eligibility determination (Kansas: meets the functional assessment or the medical necessity criteria), with its date and who determined it',
    roles: CLINICAL,
    body: EligibilityDeterminationRequestSchema,
    add: members.addEligibilityDetermination,
    update: members.updateEligibilityDetermination,
    remove: members.removeEligibilityDetermination,
  });

  registerPart(app, ctx, {
    path: 'outside-group-hours',
    what: 'entry of group psychosocial rehabilitation hours delivered outside Peerline (Kansas: they count toward the 750 group hours a calendar year)',
    roles: CLINICAL,
    body: OutsideGroupHoursRequestSchema,
    add: members.addOutsideGroupHours,
    update: members.updateOutsideGroupHours,
    remove: members.removeOutsideGroupHours,
  });

  recordRoute(app, ctx, {
    method: 'POST',
    url: `${MEMBER}/episodes`,
    summary: 'Record an episode of care: program admission, discharge, comprehensive assessment.',
    roles: CLINICAL,
    params: MemberParamsSchema,
    body: EpisodeRequestSchema,
    status: 201,
    run: (actor, params, body) => members.addEpisode(ctx, actor, params.memberId, body),
  });
  recordRoute(app, ctx, {
    method: 'PATCH',
    url: `${MEMBER}/episodes/:recordId`,
    summary: 'Replace an episode of care’s fields (e.g. to record the discharge).',
    roles: CLINICAL,
    params: MemberRecordParamsSchema,
    body: EpisodeRequestSchema,
    status: 200,
    run: (actor, params, body) => members.updateEpisode(ctx, actor, params.memberId, params.recordId, body),
  });

  recordRoute(app, ctx, {
    method: 'POST',
    url: `${MEMBER}/consents`,
    summary: 'Record a consent (telehealth, audio-only, release of information) with its date.',
    roles: CLINICAL,
    params: MemberParamsSchema,
    body: ConsentRequestSchema,
    status: 201,
    run: (actor, params, body) => members.addConsent(ctx, actor, params.memberId, body),
  });
  recordRoute(app, ctx, {
    method: 'POST',
    url: `${MEMBER}/consents/:recordId/revoke`,
    summary: 'Record that the member revoked a consent, and on which date (the consent stays on record).',
    roles: CLINICAL,
    params: MemberRecordParamsSchema,
    body: RevokeConsentRequestSchema,
    status: 200,
    run: (actor, params, body) => members.revokeConsent(ctx, actor, params.memberId, params.recordId, body),
  });
}

type PartService<B extends z.ZodType> = {
  add: (ctx: ServiceContext, actor: Actor, memberId: string, body: z.infer<B>) => Promise<MemberRecord>;
  update: (
    ctx: ServiceContext,
    actor: Actor,
    memberId: string,
    recordId: string,
    body: z.infer<B>,
  ) => Promise<MemberRecord>;
  remove: (ctx: ServiceContext, actor: Actor, memberId: string, recordId: string) => Promise<MemberRecord>;
};

/** Add, replace and remove routes of a part of the record that is a list of editable rows. */
function registerPart<B extends z.ZodType>(
  app: ZodApp,
  ctx: ServiceContext,
  part: { path: string; what: string; roles: readonly Role[]; body: B } & PartService<B>,
): void {
  const list = `${MEMBER}/${part.path}`;
  recordRoute(app, ctx, {
    method: 'POST',
    url: list,
    summary: `Add a ${part.what}.`,
    roles: part.roles,
    params: MemberParamsSchema,
    body: part.body,
    status: 201,
    run: (actor, params, body) => part.add(ctx, actor, params.memberId, body),
  });
  recordRoute(app, ctx, {
    method: 'PATCH',
    url: `${list}/:recordId`,
    summary: `Replace a ${part.what}’s fields.`,
    roles: part.roles,
    params: MemberRecordParamsSchema,
    body: part.body,
    status: 200,
    run: (actor, params, body) => part.update(ctx, actor, params.memberId, params.recordId, body),
  });
  recordRoute(app, ctx, {
    method: 'POST',
    url: `${list}/:recordId/remove`,
    summary: `Remove a ${part.what} entered in error.`,
    roles: part.roles,
    params: MemberRecordParamsSchema,
    body: EmptyBodySchema,
    status: 200,
    run: (actor, params) => part.remove(ctx, actor, params.memberId, params.recordId),
  });
}
