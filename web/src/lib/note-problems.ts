/**
 * @module web/lib/note-problems
 * Where on the note form a problem belongs. Every problem about a note field names it the one way the server
 * does — `['fields', 'serviceType']`, `['fields', 'pin', 'plan']` (the server puts the payer rules' problems
 * about the claim's service on the note field they come from) — and a refused request names it under the
 * request's body (`['body', 'fields', 'start']`), as the form's own check with the shared schema does
 * (`['body', 'start']`). This module reads the note field from each, so every problem shows beside its input
 * and links to it.
 */
import { NoteFieldsSchema, errorProblem, fieldOfPath } from '../../../src/shared/index.js';
import type { NoteFields, Problem } from '../../../src/shared/index.js';

export type NoteFieldName = keyof NoteFields;

const NOTE_FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(NoteFieldsSchema.shape));

function isNoteFieldName(name: string): name is NoteFieldName {
  return NOTE_FIELD_NAMES.has(name);
}

/**
 * The note field a problem path names, as segments (`['pin', 'plan']`, `['gaps', 0, 'start']`), or null when
 * the problem is not about a field of the note (the member's record, the staff member, the whole request).
 *
 * @example noteFieldPath(['fields', 'serviceType']) // ['serviceType']
 * @example noteFieldPath(['member', 'consents', 'audioOnly']) // null
 */
export function noteFieldPath(path: Problem['path']): (string | number)[] | null {
  let rest = path[0] === 'body' ? path.slice(1) : path;
  const scope = rest[0];
  if (scope === 'fields') {
    rest = rest.slice(1);
  }
  const [first, ...tail] = rest;
  if (typeof first !== 'string') {
    return null;
  }
  return isNoteFieldName(first) ? [first, ...tail] : null;
}

/**
 * The problem with its path rewritten to `['body', …note field]` when it is about a note field, so the
 * form's field lookups and the `ErrorSummary` links find it; other problems are returned unchanged.
 */
export function asFormProblem(problem: Problem): Problem {
  const field = noteFieldPath(problem.path);
  return field === null ? problem : { ...problem, path: ['body', ...field] };
}

/**
 * Splits changed fields into those the contract accepts, which can be saved and previewed now, and problems
 * (as form problems) for the rest — a half-typed place of service, a gap without its end — which stay on
 * the device until they are put right.
 */
export function checkNoteFields(fields: Partial<NoteFields>): {
  valid: Partial<NoteFields>;
  problems: Problem[];
} {
  const valid: Partial<Record<NoteFieldName, unknown>> = {};
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!isNoteFieldName(name)) {
      continue;
    }
    const result = NoteFieldsSchema.shape[name].safeParse(value);
    if (result.success) {
      valid[name] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const segments = issue.path.filter((segment) => typeof segment !== 'symbol');
      problems.push(errorProblem(`request.${issue.code}`, issue.message, ['body', name, ...segments]));
    }
  }
  // Every key is a note field holding a value its schema accepted.
  return { valid: valid as Partial<NoteFields>, problems };
}

/** The problems (already {@link asFormProblem}) shown beside one input: exactly `field`, or inside it. */
export function problemsAt(problems: readonly Problem[], field: string, exact = false): Problem[] {
  return problems.filter((problem) => {
    if (problem.path[0] !== 'body') {
      return false;
    }
    const name = fieldOfPath(problem.path);
    return name === field || (!exact && name.startsWith(`${field}.`));
  });
}

/** What a problem that is not about the note itself is about, so the page can point to where it is fixed. */
export type ProblemRecord = 'member' | 'staff' | 'other';

export function problemRecordOf(problem: Problem): ProblemRecord {
  const [first] = problem.path;
  if (first === 'member') {
    return 'member';
  }
  if (first === 'staff') {
    return 'staff';
  }
  return 'other';
}

/** The choices the form offers beside the fields, where a checkbox group's first box is its control. */
export interface NoteFormChoices {
  /** Ids of the plan-of-care goals offered. */
  goals?: readonly string[];
  /** The modifiers offered (the pack's user modifiers and any the note already has). */
  modifiers?: readonly string[];
}

/**
 * Control ids of the individual note form, by dotted field name; the form and the problem links share them.
 * Only fields that have a control on that form are named (a group attendee's response is written on the
 * group's page), so a link never points at nothing.
 */
export function noteFieldIds(fields: NoteFields, choices: NoteFormChoices = {}): Record<string, string> {
  const ids: Record<string, string> = {
    serviceType: 'note-service-type',
    activity: 'note-activity',
    recipient: `note-recipient-${fields.recipient}`,
    familyRelationToTreatment: 'note-family-relation',
    dateOfService: 'note-date',
    start: 'note-start',
    end: 'note-end',
    gaps: 'note-gaps-add',
    modality: `note-modality-${fields.modality}`,
    memberLocation: 'note-member-location',
    placeOfService: 'note-place-of-service',
    identityVerified: 'note-identity-verified',
    goalsAddressed: 'note-goals',
    interventionInPlan: 'note-intervention-in-plan',
    familyCoordinationDocumented: 'note-family-coordination',
    planOfCareId: 'note-plan-of-care',
    pin: 'note-pin-plan',
    'pin.plan': 'note-pin-plan',
    'pin.interaction': 'note-pin-interaction',
    'pin.nextSteps': 'note-pin-next-steps',
    lateReason: 'note-late-reason',
    epsdtJustification: 'note-epsdt',
  };
  const firstGoal = choices.goals?.[0];
  if (firstGoal !== undefined) {
    ids.goalsAddressed = checkboxControlId('note-goals', firstGoal);
  }
  const firstModifier = choices.modifiers?.[0];
  if (firstModifier !== undefined) {
    ids.modifiers = checkboxControlId(MODIFIERS_ID, firstModifier);
  }
  fields.gaps.forEach((_gap, index) => {
    ids[`gaps.${index}`] = gapControlId(index, 'start');
    ids[`gaps.${index}.start`] = gapControlId(index, 'start');
    ids[`gaps.${index}.end`] = gapControlId(index, 'end');
  });
  return ids;
}

/** The id of the modifiers checkbox group on the note form. */
export const MODIFIERS_ID = 'note-modifiers';

/** The id `CheckboxGroup` gives the box of one option. */
function checkboxControlId(groupId: string, value: string): string {
  return `${groupId}-${value}`;
}

/** The modifiers to show as boxes: those offered, then any the note has that are not (so one can be unticked). */
export function modifierChoices(offered: readonly string[], chosen: readonly string[]): string[] {
  return [...offered, ...chosen.filter((modifier) => !offered.includes(modifier))];
}

export function gapControlId(index: number, end: 'start' | 'end'): string {
  return `note-gap-${index}-${end}`;
}

/** The id of the control a (form) problem links to: its whole dotted field, else the field it is inside. */
export function controlIdOf(problem: Problem, ids: Readonly<Record<string, string>>): string | undefined {
  if (problem.path[0] !== 'body') {
    return undefined;
  }
  const segments = fieldOfPath(problem.path).split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const id = ids[segments.slice(0, length).join('.')];
    if (id !== undefined) {
      return id;
    }
  }
  return undefined;
}

/** Moves focus to a control and brings it into view (a link from a problem to its field). */
export function focusControl(id: string): void {
  const control = document.getElementById(id);
  control?.focus();
  control?.scrollIntoView({ block: 'center' });
}
