/**
 * @module services/note-fields
 * A note's editable fields as the API speaks them (`NoteFields`) and as `service_notes` stores them. Below
 * both the notes use cases and the claim rules' context (services/claims), which read stored notes alike.
 */
export { columnsOfFields, defaultFields, fieldsOfRow, mergeFields } from './fields.js';
export type { NoteFieldColumns } from './fields.js';
