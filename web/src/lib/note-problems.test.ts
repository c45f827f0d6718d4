/**
 * The note form's problem plumbing: every source's path finds its field, half-typed values stay on the device
 * with a field problem instead of being sent, and a device copy is recognised once the server has it.
 */
import { describe, expect, it } from 'vitest';
import { errorProblem, noteFieldPath } from '../../../src/shared/index.js';
import type { NoteFields } from '../../../src/shared/index.js';
import { formatDate } from './format.js';
import { consentOnFileText } from './note-consents.js';
import { alreadyApplied, applyStoredDraft, baseOf, changedFields } from './note-draft-storage.js';
import {
  checkNoteFields,
  controlIdOf,
  modifierChoices,
  noteFieldIds,
  problemRecordOf,
  problemsAt,
} from './note-problems.js';

const FIELDS: NoteFields = {
  serviceType: 'engagement',
  activity: 'recovery_coaching',
  recipient: 'member',
  familyRelationToTreatment: null,
  dateOfService: '2026-03-02',
  start: '10:00',
  end: '11:00',
  gaps: [{ start: '10:20', end: '10:30' }],
  modality: 'audio_only',
  memberLocation: 'home',
  placeOfService: null,
  identityVerified: false,
  modifiers: [],
  goalsAddressed: [],
  interventionInPlan: true,
  familyCoordinationDocumented: false,
  pin: { plan: 'Plan', interaction: '', nextSteps: '' },
  memberResponse: '',
  lateReason: null,
  epsdtJustification: null,
  consentCircumstances: null,
  planOfCareId: null,
};

describe('noteFieldPath', () => {
  // Every source names a note field one way, `['fields', …]`: the form places it by that path alone.
  it.each([
    [['fields', 'start'], ['start']],
    [
      ['fields', 'pin', 'plan'],
      ['pin', 'plan'],
    ],
    [
      ['fields', 'gaps', 0, 'end'],
      ['gaps', 0, 'end'],
    ],
    [['fields', 'serviceType'], ['serviceType']],
    [['fields', 'identityVerified'], ['identityVerified']],
  ])('reads %j as the note field %j', (path, field) => {
    expect(noteFieldPath(path)).toEqual(field);
  });

  it.each([
    [['member', 'consents', 'audioOnly']],
    [['staff', 'certification']],
    [['body', 'revision']],
    // No other form of a note field is read: a request's body place is not the note field.
    [['body', 'start']],
    [['body', 'fields', 'pin', 'plan']],
    // The engine's own name for the service's field: the server never sends it to the note form.
    [['service', 'type']],
    [[]],
  ])('finds no note field in %j', (path) => {
    expect(noteFieldPath(path)).toBeNull();
  });
});

describe('problems on the form', () => {
  const consent = errorProblem('nc.consent', 'Record consent.', ['member', 'consents', 'audioOnly']);
  const identity = errorProblem('nc.identity', 'Verify identity.', ['fields', 'identityVerified']);
  const plan = errorProblem('note.pin_missing', 'Write the plan.', ['fields', 'pin', 'plan']);

  it('tells the record a problem about something other than the note is about', () => {
    expect(problemRecordOf(consent)).toBe('member');
    expect(problemRecordOf(identity)).toBe('other');
  });

  it('shows a problem beside its input, and the PIN part beside its own textarea', () => {
    const problems = [identity, plan, consent];
    expect(problemsAt(problems, 'identityVerified').map((problem) => problem.code)).toEqual(['nc.identity']);
    expect(problemsAt(problems, 'pin').map((problem) => problem.code)).toEqual(['note.pin_missing']);
    expect(problemsAt(problems, 'pin', true)).toEqual([]);
    expect(problemsAt(problems, 'member')).toEqual([]);
    // A request's own field is not a note field, whatever its name.
    expect(problemsAt([errorProblem('x', 'start', ['body', 'start'])], 'start')).toEqual([]);
  });

  it('links a problem to the closest control it names', () => {
    const ids = noteFieldIds(FIELDS);
    expect(controlIdOf(plan, ids)).toBe('note-pin-plan');
    expect(controlIdOf(errorProblem('x', 'gap', ['fields', 'gaps', 0, 'end']), ids)).toBe('note-gap-0-end');
    expect(controlIdOf(identity, ids)).toBe('note-identity-verified');
    // A radio group links to the choice that is checked.
    expect(controlIdOf(errorProblem('x', 'modality', ['fields', 'modality']), ids)).toBe(
      'note-modality-audio_only',
    );
    expect(controlIdOf(consent, ids)).toBeUndefined();
  });

  it('links a modifier problem from the payer rules to the first modifier box offered', () => {
    // Los Angeles: 'Lines carry only the modifiers …' names the note's modifiers.
    const modifier = errorProblem('x', 'modifier', ['fields', 'modifiers']);
    expect(controlIdOf(modifier, noteFieldIds(FIELDS, { modifiers: ['SC'] }))).toBe('note-modifiers-SC');
    expect(controlIdOf(modifier, noteFieldIds(FIELDS))).toBeUndefined();
  });

  it('names only controls the individual note form has: no member response box', () => {
    // The response of a group attendee is written on the group's page, not on this form.
    const response = errorProblem('x', 'response', ['fields', 'memberResponse']);
    expect(controlIdOf(response, noteFieldIds(FIELDS))).toBeUndefined();
    expect(noteFieldIds(FIELDS).planOfCareId).toBe('note-plan-of-care');
  });
});

describe('modifierChoices', () => {
  it('offers the pack’s user modifiers, then keeps any the note already has so it can be unticked', () => {
    expect(modifierChoices(['SC'], [])).toEqual(['SC']);
    expect(modifierChoices(['SC'], ['SC', 'GT'])).toEqual(['SC', 'GT']);
  });
});

describe('checkNoteFields', () => {
  // A half-typed value must not make the whole autosave fail: the rest is saved, it stays on the device.
  it('keeps what the contract accepts and names what it refuses', () => {
    const { valid, problems } = checkNoteFields({
      start: '09:30',
      placeOfService: '1',
      gaps: [{ start: '10:00', end: '' }],
    });
    expect(valid).toEqual({ start: '09:30' });
    expect(problems.map((problem) => problem.path)).toEqual([
      ['fields', 'placeOfService'],
      ['fields', 'gaps', 0, 'end'],
    ]);
  });
});

describe('changes kept on the device', () => {
  it('are the fields that differ from what the server acknowledged', () => {
    const local = { ...FIELDS, start: '10:15', pin: { ...FIELDS.pin, interaction: 'We talked.' } };
    expect(changedFields(local, FIELDS)).toEqual({ start: '10:15', pin: local.pin });
    expect(changedFields(FIELDS, FIELDS)).toEqual({});
  });

  // The PIN is one field of three texts: a Plan written elsewhere must survive an Interaction written here.
  it('apply to a newer version part by part in the PIN, whole elsewhere', () => {
    const here = { ...FIELDS, end: '11:30', pin: { ...FIELDS.pin, interaction: 'We talked.' } };
    const changes = changedFields(here, FIELDS);
    const elsewhere = { ...FIELDS, start: '09:45', pin: { ...FIELDS.pin, plan: 'Plan, rewritten' } };
    const merged = applyStoredDraft(elsewhere, {
      baseRevision: 1,
      fields: changes,
      base: baseOf(changes, FIELDS),
      savedAt: 0,
    });
    expect(merged).toEqual({
      ...FIELDS,
      start: '09:45',
      end: '11:30',
      pin: { plan: 'Plan, rewritten', interaction: 'We talked.', nextSteps: '' },
    });
  });

  it('are recognised once the server has them', () => {
    expect(alreadyApplied({ start: '10:00' }, FIELDS)).toBe(true);
    expect(alreadyApplied({ start: '10:00', end: '12:00' }, FIELDS)).toBe(false);
  });
});

describe('consentOnFileText', () => {
  it('says the consent the server found in force on the date of service, with the day it was given', () => {
    expect(consentOnFileText({ kind: 'audio_only', givenOn: '2026-01-10', payerRequires: true })).toBe(
      `Audio-only (telephone) consent on file, given ${formatDate('2026-01-10')}.`,
    );
    expect(consentOnFileText({ kind: 'telehealth', givenOn: '2025-01-01', payerRequires: false })).toMatch(
      /^Telehealth \(video\) consent on file, given /,
    );
  });

  it('asks for the consent to be recorded when none is in force, and says nothing in person', () => {
    expect(consentOnFileText({ kind: 'audio_only', givenOn: null, payerRequires: true })).toBe(
      'No audio-only (telephone) consent on file for this date: record it on the member’s record.',
    );
    expect(consentOnFileText({ kind: 'telehealth', givenOn: null, payerRequires: false })).toMatch(
      /^No telehealth \(video\) consent on file for this date/,
    );
    expect(consentOnFileText(null)).toBeNull();
  });
});
