/**
 * @module web/components/note-review-actions
 * A supervisor's answer to a signed note: co-sign it, or return it to the author with a comment saying what
 * to fix (the comment is required). Used in the review queue and on the note itself.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { ReturnNoteRequestSchema } from '../../../src/shared/index.js';
import type { NoteResponse } from '../../../src/shared/index.js';
import { api, invalidate, ok } from '../api/index.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm, useSubmission } from '../lib/use-schema-form.js';
import { ErrorSummary } from './error-summary.js';
import { TextAreaField } from './fields.js';

export interface NoteReviewActionsProps {
  noteId: string;
  /** Names the note in the buttons' accessible names, e.g. "Alex R., 3 March" (several are on one page). */
  noteLabel: string;
  onDone: (response: NoteResponse, action: 'cosigned' | 'returned') => void;
}

/** Co-signs or returns the note; the review queue and the note lists then read again. */
async function review(noteId: string, action: 'cosign' | 'return', comment: string): Promise<NoteResponse> {
  const params = { path: { id: noteId } };
  const reviewed = await ok(
    action === 'cosign'
      ? api.POST('/api/v1/notes/{id}/cosign', { params, body: {} })
      : api.POST('/api/v1/notes/{id}/return', { params, body: { comment } }),
  );
  await invalidate('/api/v1/reviews', '/api/v1/notes');
  return reviewed;
}

export function NoteReviewActions({ noteId, noteLabel, onDone }: NoteReviewActionsProps): JSX.Element {
  const cosign = useSubmission();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const commentId = `return-comment-${noteId}`;
  const form = useSchemaForm({
    schema: ReturnNoteRequestSchema,
    input: { comment },
    send: (body) => review(noteId, 'return', body.comment),
    afterSuccess: 'leave',
    onSuccess: (response) => onDone(response, 'returned'),
  });

  return (
    <div className="review-actions">
      <ErrorSummary problems={cosign.problems} focusKey={cosign.focusKey} />
      {returning ? (
        <form onSubmit={form.submit} noValidate className="form">
          <ErrorSummary problems={form.problems} fieldIds={{ comment: commentId }} focusKey={form.focusKey} />
          <TextAreaField
            id={commentId}
            label="What the author should fix"
            hint="The author sees this with the note and answers with an addendum."
            rows={3}
            value={comment}
            onValueChange={setComment}
            problems={problemsUnder(form.problems, 'comment')}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? 'Returning…' : 'Return with comment'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setReturning(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={cosign.submitting}
            aria-label={`Co-sign — ${noteLabel}`}
            onClick={() =>
              cosign.send(() => review(noteId, 'cosign', ''), {
                afterSuccess: 'leave',
                onSuccess: (response) => onDone(response, 'cosigned'),
              })
            }
          >
            {cosign.submitting ? 'Co-signing…' : 'Co-sign'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-label={`Return to the author — ${noteLabel}`}
            onClick={() => setReturning(true)}
          >
            Return to the author
          </button>
        </div>
      )}
    </div>
  );
}
