/**
 * Service notes over HTTP: the real app on a real database. These pin what the note form and the review
 * pages rely on — status codes (201 on create and addendum, 400 with field paths, 403 by role, 404 out of
 * reach, 409 for a stale tab or a signed note) and the response shapes, parsed with the shared schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import {
  NoteListResponseSchema,
  NoteResponseSchema,
  OverdueNotesResponseSchema,
  SaveDraftResponseSchema,
  type NoteResponse,
} from '../shared/api/notes.js';
import { ClaimPreviewSchema } from '../shared/api/claims.js';
import { ProblemResponseSchema, type Problem } from '../shared/problem.js';
import type { Role } from '../shared/roles.js';
import {
  createDocumentationFixture,
  FIXTURE_PASSWORD,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
} from '../testing/index.js';
import { buildApp, SESSION_COOKIE, type ZodApp } from './index.js';

let store: TestStore;
let app: ZodApp;
let fixture: DocumentationFixture;
let member: FixtureMember;
const tokens = new Map<Role, string>();

const JSON_HEADERS = { 'content-type': 'application/json' };
const COMPLETE_FIELDS = {
  start: '10:00',
  end: '11:00',
  placeOfService: '11',
  pin: {
    plan: 'Practise asking for help.',
    interaction: 'Role-played a call to the housing office.',
    nextSteps: 'The member makes the call on Friday.',
  },
};

beforeAll(async () => {
  store = await openTestStore();
  // Monday 2026-11-23, 10:00 in California.
  const ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  app = await buildApp({
    ctx,
    databaseKind: store.kind,
    version: 'test',
    logLevel: 'silent',
    trustProxy: false,
    publicOrigin: undefined,
    loginRateLimitPerMinute: 1000,
    webRoot: '/nonexistent',
  });
  fixture = await createDocumentationFixture(ctx, 'notes-http');
  const alameda = fixture.programs.find((program) => program.payerPacks.includes('ca-acbhd'));
  const found = fixture.members.find((each) => each.programId === alameda?.id);
  if (found === undefined) throw new Error('the fixture has no Alameda member');
  member = found;
});

afterAll(async () => {
  await app.close();
  await store.dispose();
});

async function tokenOf(role: Role): Promise<string> {
  const known = tokens.get(role);
  if (known !== undefined) return known;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: JSON_HEADERS,
    payload: { email: fixture.users[role].email, password: FIXTURE_PASSWORD },
  });
  const cookie = response.cookies.find((entry) => entry.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || cookie === undefined) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  tokens.set(role, cookie.value);
  return cookie.value;
}

async function call(
  role: Role,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: payload === undefined ? {} : JSON_HEADERS,
    cookies: { [SESSION_COOKIE]: await tokenOf(role) },
    ...(payload === undefined ? {} : { payload }),
  });
}

function noteOf(response: LightMyRequestResponse, status = 200): NoteResponse {
  expect(response.statusCode, response.body).toBe(status);
  return NoteResponseSchema.parse(response.json());
}

function problemsOf(response: LightMyRequestResponse, status: number): Problem[] {
  expect(response.statusCode, response.body).toBe(status);
  return ProblemResponseSchema.parse(response.json()).problems;
}

const pathsOf = (problems: readonly Problem[]): string[] => problems.map((problem) => problem.path.join('.'));

async function newDraft(fields: object = {}): Promise<NoteResponse> {
  return noteOf(
    await call('peer', 'POST', '/api/v1/notes', {
      memberId: member.id,
      serviceType: 'engagement',
      dateOfService: '2026-11-20',
      ...fields,
    }),
    201,
  );
}

async function newSignedNote(): Promise<NoteResponse> {
  const draft = await newDraft(COMPLETE_FIELDS);
  return noteOf(await call('peer', 'POST', `/api/v1/notes/${draft.note.id}/sign`, { revision: 1 }));
}

describe(`service notes over HTTP on ${testDatabaseKind()}`, () => {
  it('answers 401 without a session, and describes its routes in OpenAPI', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/notes' });
    expect(problemsOf(response, 401)[0]?.code).toBe('auth.required');
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/notes',
        '/api/v1/notes/overdue',
        '/api/v1/notes/{id}/draft',
        '/api/v1/notes/{id}/sign',
        '/api/v1/notes/{id}/cosign',
        '/api/v1/reviews',
      ]),
    );
  });

  it('creates a draft (201) and names a malformed note field by the note field (400)', async () => {
    const draft = await newDraft();
    expect(draft.note).toMatchObject({ status: 'draft', revision: 1, dueOn: '2026-11-25' });
    const bad = await call('peer', 'POST', '/api/v1/notes', {
      memberId: member.id,
      serviceType: 'engagement',
      dateOfService: '2026-11-20',
      start: '9am',
    });
    expect(pathsOf(problemsOf(bad, 400))).toEqual(['fields.start']);
    const missing = await call('peer', 'POST', '/api/v1/notes', {
      memberId: member.id,
      serviceType: 'engagement',
    });
    expect(pathsOf(problemsOf(missing, 400))).toContain('fields.dateOfService');
    // What is not a note field is named where it is in the body.
    const noMember = await call('peer', 'POST', '/api/v1/notes', {
      serviceType: 'engagement',
      dateOfService: '2026-11-20',
    });
    expect(pathsOf(problemsOf(noMember, 400))).toEqual(['body.memberId']);
  });

  it('answers 400 naming a goal or plan-of-care version that is not the member’s', async () => {
    const draft = await newDraft();
    const url = `/api/v1/notes/${draft.note.id}/draft`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = problemsOf(
      await call('peer', 'PUT', url, {
        revision: 1,
        fields: { goalsAddressed: [unknown], planOfCareId: unknown },
      }),
      400,
    );
    expect(refused.map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      ['note.goal_not_in_plan', 'fields.goalsAddressed.0'],
      ['note.plan_of_care_unknown', 'fields.planOfCareId'],
    ]);
    expect(draft.note.fields).toMatchObject({ interventionInPlan: false, planOfCareId: null });
  });

  it('refuses billing staff a write by role (403), and answers 404 for a note that does not exist', async () => {
    const refused = await call('billing', 'POST', '/api/v1/notes', {
      memberId: member.id,
      serviceType: 'engagement',
      dateOfService: '2026-11-20',
    });
    expect(problemsOf(refused, 403)[0]?.code).toBe('access.forbidden');
    const unknown = await call('peer', 'GET', '/api/v1/notes/00000000-0000-4000-8000-000000000000');
    expect(problemsOf(unknown, 404)[0]?.code).toBe('note.not_found');
    expect(pathsOf(problemsOf(await call('peer', 'GET', '/api/v1/notes/not-an-id'), 400))).toEqual([
      'params.id',
    ]);
  });

  it('autosaves with PUT …/draft and answers a stale revision with 409', async () => {
    const draft = await newDraft();
    const url = `/api/v1/notes/${draft.note.id}/draft`;
    const response = await call('peer', 'PUT', url, { revision: 1, fields: COMPLETE_FIELDS });
    expect(response.statusCode, response.body).toBe(200);
    // The save answers its revision and what signing needs, never a claim preview (the form asks for that).
    const saved = SaveDraftResponseSchema.strict().parse(response.json());
    expect(saved.revision).toBe(2);
    expect(saved.documentationProblems).toEqual([]);
    const stale = problemsOf(await call('peer', 'PUT', url, { revision: 1, fields: { end: '11:30' } }), 409);
    expect(stale[0]).toMatchObject({ code: 'note.stale_revision', path: ['body', 'revision'] });
    const malformed = problemsOf(
      await call('peer', 'PUT', url, { revision: 2, fields: { end: '25:00' } }),
      400,
    );
    expect(pathsOf(malformed)).toEqual(['fields.end']);
    const notAuthor = await call('supervisor', 'PUT', url, { revision: 2, fields: { end: '11:30' } });
    expect(problemsOf(notAuthor, 403)[0]?.code).toBe('access.forbidden');
  });

  it('previews unsaved fields (200), or says which fields a preview needs (400)', async () => {
    const draft = await newDraft();
    const url = `/api/v1/notes/${draft.note.id}/preview`;
    const needs = problemsOf(await call('peer', 'POST', url, { fields: {} }), 400);
    expect(pathsOf(needs)).toEqual(['fields.start', 'fields.end']);
    const malformed = problemsOf(
      await call('peer', 'POST', url, { fields: { gaps: [{ start: '9am' }] } }),
      400,
    );
    expect(pathsOf(malformed)).toEqual(expect.arrayContaining(['fields.gaps.0.start', 'fields.gaps.0.end']));
    const preview = await call('peer', 'POST', url, { fields: COMPLETE_FIELDS });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(ClaimPreviewSchema.parse(preview.json()).lines[0]?.units).toBe(4);
    expect(noteOf(await call('peer', 'GET', `/api/v1/notes/${draft.note.id}`)).note.revision).toBe(1);
  });

  it('refuses to sign an incomplete note with 400 and the paths of the missing fields; signs a complete one', async () => {
    const draft = await newDraft({ start: '10:00' });
    const url = `/api/v1/notes/${draft.note.id}/sign`;
    const refused = problemsOf(await call('peer', 'POST', url, { revision: 1 }), 400);
    expect(pathsOf(refused)).toEqual(
      expect.arrayContaining(['fields.end', 'fields.pin.plan', 'fields.pin.nextSteps']),
    );
    const signed = await newSignedNote();
    expect(signed.note).toMatchObject({ status: 'signed', reviewStatus: 'pending' });
    const again = problemsOf(
      await call('peer', 'PUT', `/api/v1/notes/${signed.note.id}/draft`, {
        revision: 1,
        fields: { end: '12:00' },
      }),
      409,
    );
    expect(again[0]?.message).toMatch(/signed notes are changed by addenda/);
  });

  it('runs the review: the queue (supervisor only), return with a comment, the author’s addendum (201), co-sign', async () => {
    const signed = await newSignedNote();
    const id = signed.note.id;
    expect(problemsOf(await call('peer', 'GET', '/api/v1/reviews'), 403)[0]?.code).toBe('access.forbidden');
    const queue = await call('supervisor', 'GET', '/api/v1/reviews');
    expect(queue.statusCode).toBe(200);
    expect(NoteListResponseSchema.parse(queue.json()).notes.map((note) => note.id)).toContain(id);

    const blank = problemsOf(
      await call('supervisor', 'POST', `/api/v1/notes/${id}/return`, { comment: ' ' }),
      400,
    );
    expect(pathsOf(blank)).toEqual(['body.comment']);
    const returned = noteOf(
      await call('supervisor', 'POST', `/api/v1/notes/${id}/return`, { comment: 'Name the goal.' }),
    );
    expect(returned.note.reviewStatus).toBe('returned');
    const emptyReason = problemsOf(
      await call('peer', 'POST', `/api/v1/notes/${id}/addenda`, { reason: '', text: 'Goal 1.' }),
      400,
    );
    expect(pathsOf(emptyReason)).toEqual(['body.reason']);
    const answered = noteOf(
      await call('peer', 'POST', `/api/v1/notes/${id}/addenda`, {
        reason: 'Named the goal',
        text: 'Goal 1.',
      }),
      201,
    );
    expect(answered.note.reviewStatus).toBe('pending');
    const cosigned = noteOf(await call('supervisor', 'POST', `/api/v1/notes/${id}/cosign`, {}));
    expect(cosigned.note.reviewStatus).toBe('cosigned');
    const twice = problemsOf(await call('supervisor', 'POST', `/api/v1/notes/${id}/cosign`, {}), 409);
    expect(twice[0]?.code).toBe('note.not_pending_review');
  });

  it('lists notes and the overdue list for any role, scoped', async () => {
    await newDraft({ dateOfService: '2026-11-13' });
    const list = await call('billing', 'GET', '/api/v1/notes?status=draft&limit=200');
    expect(list.statusCode, list.body).toBe(200);
    const notes = NoteListResponseSchema.parse(list.json()).notes;
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((note) => note.status === 'draft')).toBe(true);
    const overdueList = await call('peer', 'GET', '/api/v1/notes?overdue=true');
    expect(overdueList.statusCode, overdueList.body).toBe(200);
    expect(
      NoteListResponseSchema.parse(overdueList.json()).notes.every((note) => note.dueOn < '2026-11-23'),
    ).toBe(true);
    const overdue = await call('supervisor', 'GET', '/api/v1/notes/overdue');
    expect(overdue.statusCode, overdue.body).toBe(200);
    const body = OverdueNotesResponseSchema.parse(overdue.json());
    // Due Wednesday 2026-11-18; on Monday the 23rd that is 3 business days (19, 20, 23).
    expect(body.notes.find((note) => note.dateOfService === '2026-11-13')?.businessDaysOverdue).toBe(3);
    expect(body.byAuthor[0]?.author.id).toBe(fixture.users.peer.id);
    const badQuery = await call('peer', 'GET', '/api/v1/notes?overdue=maybe');
    expect(pathsOf(problemsOf(badQuery, 400))).toEqual(['query.overdue']);
  });
});
