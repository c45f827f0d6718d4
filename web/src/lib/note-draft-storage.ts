/**
 * @module web/lib/note-draft-storage
 * The copy of a note's unsaved changes kept on this device, so a draft survives a reload, a closed tab or a
 * dropped connection (peers write in the community, on phones, where the signal comes and goes). Only the
 * fields that differ from what the server last acknowledged are kept, with the revision they were made on,
 * and the copy is removed as soon as the server has them.
 */
import { z } from 'zod';
import { NoteFieldsSchema } from '../../../src/shared/index.js';
import type { NoteFields } from '../../../src/shared/index.js';
import type { NoteFieldName } from './note-problems.js';

const KEY_PREFIX = 'peerline.note-draft.';

/** Unsaved changes of one note, as kept on the device. */
export interface StoredNoteDraft {
  /** The note revision the changes were made on. */
  baseRevision: number;
  /** The changed fields, possibly half-typed (a gap without its end time). */
  fields: Partial<NoteFields>;
  /** The same fields as they were on `baseRevision`, so changes can be applied to a newer revision. */
  base: Partial<NoteFields>;
  /** When the copy was last written, ms since the epoch (browser clock). */
  savedAt: number;
}

const StoredSchema = z.object({
  baseRevision: z.number().int().min(1),
  fields: z.record(z.string(), z.unknown()),
  base: z.record(z.string(), z.unknown()).default({}),
  savedAt: z.number(),
});

function keyOf(noteId: string): string {
  return `${KEY_PREFIX}${noteId}`;
}

/** The kind of JSON value: a half-typed value still has the kind of the field's real values. */
function kindOf(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * A stored field is taken back when the contract accepts it, or when it has the same kind of value as the
 * field has on the server (a half-typed time is still a string); anything else — say, written by an older
 * version of the app — is dropped rather than sent.
 */
function restoredFields(stored: Record<string, unknown>, reference: NoteFields): Partial<NoteFields> {
  const fields: Partial<Record<NoteFieldName, unknown>> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in reference)) {
      continue;
    }
    const name = key as NoteFieldName;
    const referenceValue = reference[name];
    const schema = NoteFieldsSchema.shape[name];
    const valid = schema.safeParse(value).success;
    const sameKind = kindOf(value) === kindOf(referenceValue) || kindOf(referenceValue) === 'null';
    if (valid || sameKind) {
      fields[name] = value;
    }
  }
  // Every key is a note field and every value passed the check above.
  return fields as Partial<NoteFields>;
}

/** Reads the unsaved changes kept for `noteId`, checked against the note as the server has it. */
export function readStoredDraft(noteId: string, reference: NoteFields): StoredNoteDraft | null {
  let text: string | null;
  try {
    text = window.localStorage.getItem(keyOf(noteId));
  } catch {
    return null;
  }
  if (text === null) {
    return null;
  }
  let parsed: z.infer<typeof StoredSchema>;
  try {
    const result = StoredSchema.safeParse(JSON.parse(text));
    if (!result.success) {
      removeStoredDraft(noteId);
      return null;
    }
    parsed = result.data;
  } catch {
    removeStoredDraft(noteId);
    return null;
  }
  const fields = restoredFields(parsed.fields, reference);
  if (Object.keys(fields).length === 0) {
    removeStoredDraft(noteId);
    return null;
  }
  return {
    baseRevision: parsed.baseRevision,
    fields,
    base: restoredFields(parsed.base, reference),
    savedAt: parsed.savedAt,
  };
}

/**
 * Keeps the unsaved changes on the device. Returns false when the browser refuses (storage full or
 * disabled), so the page can say the changes exist only on this screen.
 */
export function writeStoredDraft(noteId: string, draft: StoredNoteDraft): boolean {
  try {
    window.localStorage.setItem(keyOf(noteId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeStoredDraft(noteId: string): void {
  try {
    window.localStorage.removeItem(keyOf(noteId));
  } catch {
    // Storage disabled: there is nothing kept to remove.
  }
}

/** The fields of `local` whose values differ from `base`'s (compared as JSON). */
export function changedFields(local: NoteFields, base: NoteFields): Partial<NoteFields> {
  const changed: Partial<Record<NoteFieldName, unknown>> = {};
  for (const name of Object.keys(local) as NoteFieldName[]) {
    if (JSON.stringify(local[name]) !== JSON.stringify(base[name])) {
      changed[name] = local[name];
    }
  }
  return changed as Partial<NoteFields>;
}

/** `fields`' values of the fields named in `changes`: what the changes were made on. */
export function baseOf(changes: Partial<NoteFields>, fields: NoteFields): Partial<NoteFields> {
  const base: Partial<Record<NoteFieldName, unknown>> = {};
  for (const name of Object.keys(changes) as NoteFieldName[]) {
    base[name] = fields[name];
  }
  return base as Partial<NoteFields>;
}

/**
 * The device's changes applied to a newer version of the note. Each changed field takes the device's value —
 * except the PIN, which is three texts in one field: only the parts changed on this device are taken, so a
 * Plan written on another device survives an Interaction written here.
 *
 * @param server - the note's fields as the server has them now
 * @param stored - the changes kept on this device, with the values they were made on
 */
export function applyStoredDraft(server: NoteFields, stored: StoredNoteDraft): NoteFields {
  const merged: NoteFields = { ...server, ...stored.fields };
  const { pin } = stored.fields;
  const basePin = stored.base.pin;
  if (pin !== undefined && basePin !== undefined) {
    const part = (key: keyof NoteFields['pin']): string =>
      pin[key] === basePin[key] ? server.pin[key] : pin[key];
    merged.pin = { plan: part('plan'), interaction: part('interaction'), nextSteps: part('nextSteps') };
  }
  return merged;
}

/** True when every field of `changes` already has that value in `fields` (the server has them). */
export function alreadyApplied(changes: Partial<NoteFields>, fields: NoteFields): boolean {
  return Object.keys(changedFields({ ...fields, ...changes }, fields)).length === 0;
}
