/**
 * @module web/lib/note-problems
 * Where on the note form a problem belongs. Every problem about a note field names it the one way, from the
 * server (whichever route: save, preview, sign; the payer rules' problems about the claim's service are put
 * on the note field they come from) and from the form's own check before sending alike: `['fields',
 * 'serviceType']`, `['fields', 'pin', 'plan']` (the rule of src/shared/problem.ts). This module places each
 * problem by that path, so it shows beside its input and links to it; a problem about anything else (the
 * member's record, the staff member, the request) is not placed on a field.
 */
import { NoteFieldsSchema, errorProblem, isNoteFieldName, noteFieldPath } from '../../../src/shared/index.js';
import type { NoteFields, Problem } from '../../../src/shared/index.js';

export type NoteFieldName = keyof NoteFields;

/**
 * Splits changed fields into those the contract accepts, which can be saved and previewed now, and problems
 * (named by the note field, as the server names them) for the rest — a half-typed place of service, a gap
 * without its end — which stay on the device until they are put right.
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
      problems.push(errorProblem(`request.${issue.code}`, issue.message, ['fields', name, ...segments]));
    }
  }
  // Every key is a note field holding a value its schema accepted.
  return { valid: valid as Partial<NoteFields>, problems };
}

/**
 * The problems shown beside one input: about exactly the note field `field` (dotted: `pin.plan`,
 * `gaps.0.end`), or about something inside it.
 */
export function problemsAt(problems: readonly Problem[], field: string, exact = false): Problem[] {
  return problems.filter((problem) => {
    const name = noteFieldPath(problem.path)?.join('.');
    return name !== undefined && (name === field || (!exact && name.startsWith(`${field}.`)));
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
    consentCircumstances: 'note-consent-circumstances',
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

/** The id of the control a problem about a note field links to: its whole field, else the field it is inside. */
export function controlIdOf(problem: Problem, ids: Readonly<Record<string, string>>): string | undefined {
  const segments = noteFieldPath(problem.path);
  if (segments === null) {
    return undefined;
  }
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
