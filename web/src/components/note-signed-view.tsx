/**
 * @module web/components/note-signed-view
 * A note that can no longer be edited: a signed note (the legal record, with its signature line, the claim
 * preview as signed, the supervisor's review and comments, and its addenda with who, when and why), or a
 * colleague's draft, read-only. Corrections to a signed note are addenda, added here.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { AddendumRequestSchema } from '../../../src/shared/index.js';
import type { Note, NoteFields, NoteResponse } from '../../../src/shared/index.js';
import { api, ok } from '../api/index.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import {
  activityLabel,
  memberLocationLabel,
  modalityLabel,
  recipientLabel,
  reviewStatusLabel,
  serviceTypeLabel,
} from '../lib/note-labels.js';
import { problemsUnder } from '../lib/problems.js';
import type { GoalOption } from '../lib/use-note-goals.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { ErrorSummary } from './error-summary.js';
import { TextAreaField, TextField } from './fields.js';
import { NoteClaimPreview } from './note-claim-preview.js';
import { StatusMessage } from './status-message.js';

export interface NoteSignedViewProps {
  response: NoteResponse;
  goals: readonly GoalOption[] | null;
  /** Whether the signed-in user may add an addendum (the API checks again). */
  canAddAddendum: boolean;
  onChange: (response: NoteResponse) => void;
}

export function NoteSignedView({
  response,
  goals,
  canAddAddendum,
  onChange,
}: NoteSignedViewProps): JSX.Element {
  const { note } = response;
  const signed = note.status === 'signed';
  return (
    <>
      {signed ? <SignatureLine note={note} /> : null}
      <NoteFacts fields={note.fields} goals={goals} />
      <NoteClaimPreview
        preview={response.preview}
        title={signed ? 'Claim as signed' : 'Claim preview'}
        records={{ memberId: note.member.id, authorId: note.author.id }}
      />
      {signed ? <NoteReviews note={note} /> : null}
      {signed ? <NoteAddenda note={note} canAdd={canAddAddendum} onChange={onChange} /> : null}
    </>
  );
}

function SignatureLine({ note }: { note: Note }): JSX.Element {
  return (
    <div className="signature-line">
      <p>
        <strong>Signed</strong> by {note.signedBy?.displayName ?? note.author.displayName}
        {note.signedAt === null ? null : (
          <>
            {' '}
            on <time dateTime={note.signedAt}>{formatDateTime(note.signedAt)}</time>
          </>
        )}
        . The note is locked; corrections are added as addenda.
      </p>
      <p>
        Review:{' '}
        <span className={`badge badge-review-${note.reviewStatus}`}>
          {reviewStatusLabel(note.reviewStatus)}
        </span>
      </p>
    </div>
  );
}

function orNone(value: string | null): string {
  return value === null || value.trim() === '' ? 'Not recorded' : value;
}

/** The note's content as facts, read-only. */
export function NoteFacts({
  fields,
  goals,
}: {
  fields: NoteFields;
  goals: readonly GoalOption[] | null;
}): JSX.Element {
  const goalTexts = fields.goalsAddressed.map(
    (id) => goals?.find((goal) => goal.id === id)?.text ?? 'A goal of the plan of care',
  );
  const rows: [string, string][] = [
    ['Service type', serviceTypeLabel(fields.serviceType)],
    ['Activity', activityLabel(fields.activity)],
    ['With', recipientLabel(fields.recipient)],
    ...(fields.recipient === 'family_without_member'
      ? [
          ["How it relates to the member's treatment", orNone(fields.familyRelationToTreatment)] as [
            string,
            string,
          ],
        ]
      : []),
    ['Date of service', formatDate(fields.dateOfService)],
    ['Time', `${fields.start ?? '?'} to ${fields.end ?? '?'}`],
    [
      'Gaps',
      fields.gaps.length === 0 ? 'None' : fields.gaps.map((gap) => `${gap.start} to ${gap.end}`).join('; '),
    ],
    ['How', modalityLabel(fields.modality)],
    ...(fields.modality === 'in_person'
      ? []
      : [
          [
            'Where the member was',
            fields.memberLocation === null ? 'Not recorded' : memberLocationLabel(fields.memberLocation),
          ] as [string, string],
        ]),
    ...(fields.modality === 'audio_only'
      ? [
          ['Identity verified with two identifiers', fields.identityVerified ? 'Yes' : 'No'] as [
            string,
            string,
          ],
        ]
      : []),
    ['Place of service', fields.placeOfService ?? 'Set by the payer rules'],
    ['Modifiers added', fields.modifiers.length === 0 ? 'None' : fields.modifiers.join(', ')],
    ['Goals worked on', goalTexts.length === 0 ? 'None named' : goalTexts.join('; ')],
    ['Part of the plan of care', fields.interventionInPlan ? 'Yes' : 'Not stated'],
    ...(fields.planOfCareId === null
      ? []
      : [['Documents the plan of care', 'Yes: the version written in this session'] as [string, string]]),
  ];
  return (
    <section aria-labelledby="note-content-heading" className="panel">
      <h2 id="note-content-heading">The note</h2>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Plan</h3>
      <p className="note-text">{orNone(fields.pin.plan)}</p>
      <h3>Interaction</h3>
      <p className="note-text">{orNone(fields.pin.interaction)}</p>
      <h3>Next steps</h3>
      <p className="note-text">{orNone(fields.pin.nextSteps)}</p>
      {fields.memberResponse.trim() === '' ? null : (
        <>
          <h3>The member’s response</h3>
          <p className="note-text">{fields.memberResponse}</p>
        </>
      )}
      {fields.lateReason === null ? null : (
        <>
          <h3>Why it was late</h3>
          <p className="note-text">{fields.lateReason}</p>
        </>
      )}
      {fields.consentCircumstances === null ? null : (
        <>
          <h3>Why consent could not be obtained</h3>
          <p className="note-text">{fields.consentCircumstances}</p>
        </>
      )}
    </section>
  );
}

function NoteReviews({ note }: { note: Note }): JSX.Element | null {
  if (note.reviews.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="note-reviews-heading" className="panel">
      <h2 id="note-reviews-heading">Supervisor review</h2>
      <ol className="plain-list note-history">
        {note.reviews.map((review) => (
          <li key={review.id}>
            <p>
              <strong>{review.action === 'cosigned' ? 'Co-signed' : 'Returned'}</strong> by{' '}
              {review.reviewer.displayName} on{' '}
              <time dateTime={review.createdAt}>{formatDateTime(review.createdAt)}</time>
            </p>
            {review.comment === null ? null : <blockquote className="note-text">{review.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const ADDENDUM_FIELD_IDS = { reason: 'addendum-reason', text: 'addendum-text' } as const;

function NoteAddenda({
  note,
  canAdd,
  onChange,
}: {
  note: Note;
  canAdd: boolean;
  onChange: (response: NoteResponse) => void;
}): JSX.Element {
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: AddendumRequestSchema,
    input: { reason, text },
    onAttempt: () => setDone(null),
    send: (body) => ok(api.POST('/api/v1/notes/{id}/addenda', { params: { path: { id: note.id } }, body })),
    afterSuccess: 'stay',
    onSuccess: (response) => {
      setReason('');
      setText('');
      setDone('Addendum added.');
      onChange(response);
    },
  });
  return (
    <section aria-labelledby="note-addenda-heading" className="panel">
      <h2 id="note-addenda-heading">Addenda</h2>
      {note.addenda.length === 0 ? (
        <p>No addenda.</p>
      ) : (
        <ol className="plain-list note-history">
          {note.addenda.map((addendum) => (
            <li key={addendum.id}>
              <p>
                <strong>{addendum.author.displayName}</strong>,{' '}
                <time dateTime={addendum.createdAt}>{formatDateTime(addendum.createdAt)}</time> — why:{' '}
                {addendum.reason}
              </p>
              <p className="note-text">{addendum.text}</p>
            </li>
          ))}
        </ol>
      )}
      <StatusMessage message={done} />
      {canAdd ? (
        <>
          <h3>Add an addendum</h3>
          <ErrorSummary problems={form.problems} fieldIds={ADDENDUM_FIELD_IDS} focusKey={form.focusKey} />
          <form onSubmit={form.submit} noValidate className="form">
            <TextField
              id={ADDENDUM_FIELD_IDS.reason}
              label="Why"
              hint="e.g. “corrected the end time” or “answering the supervisor’s comment”."
              autoComplete="off"
              value={reason}
              onValueChange={setReason}
              problems={problemsUnder(form.problems, 'reason')}
            />
            <TextAreaField
              id={ADDENDUM_FIELD_IDS.text}
              label="Addendum"
              rows={4}
              value={text}
              onValueChange={setText}
              problems={problemsUnder(form.problems, 'text')}
            />
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? 'Adding…' : 'Add addendum'}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
