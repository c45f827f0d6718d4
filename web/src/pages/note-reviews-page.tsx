/**
 * @module web/pages/note-reviews-page
 * Supervisors and admins: signed notes waiting for review (`/reviews`). Each can be read in full, co-signed,
 * or returned to its author with a comment saying what to fix; an answered note leaves the queue.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { NoteSummary } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { NoteReviewActions } from '../components/note-review-actions.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { serviceTypeLabel } from '../lib/note-labels.js';

export function NoteReviewsPage(): JSX.Element {
  const queue = useQuery({ ...apiQuery('/api/v1/reviews'), select: (answer) => answer.notes });
  const [answered, setAnswered] = useState<readonly string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const doneMessage = useRef<HTMLParagraphElement>(null);

  return (
    <>
      <PageHeading title="Reviews">Notes to review</PageHeading>
      <p className="lead">
        Signed notes by the peers you supervise. Co-sign a note, or return it with a comment; the author
        answers with an addendum, which puts it back here.
      </p>
      <StatusMessage message={done} ref={doneMessage} />
      <QueryView query={queue} what="the review queue">
        {(notes) => {
          const waiting = notes.filter((note) => !answered.includes(note.id));
          return waiting.length === 0 ? (
            <p>No notes are waiting for your review.</p>
          ) : (
            <ul className="card-list review-queue">
              {waiting.map((note) => (
                <ReviewCard
                  key={note.id}
                  note={note}
                  onDone={(action) => {
                    setAnswered((ids) => [...ids, note.id]);
                    setDone(
                      `${action === 'cosigned' ? 'Co-signed' : 'Returned'} the note for ${note.member.displayName} (${formatDate(note.dateOfService)}).`,
                    );
                    // The card just used is gone: keep focus on what happened.
                    window.setTimeout(() => doneMessage.current?.focus(), 0);
                  }}
                />
              ))}
            </ul>
          );
        }}
      </QueryView>
    </>
  );
}

function ReviewCard({
  note,
  onDone,
}: {
  note: NoteSummary;
  onDone: (action: 'cosigned' | 'returned') => void;
}): JSX.Element {
  const label = `${note.member.displayName}, ${formatDate(note.dateOfService)}`;
  return (
    <li className="card">
      <h2 className="card-heading">
        <Link to={`/notes/${note.id}`}>{label}</Link>
      </h2>
      <dl className="facts">
        <div>
          <dt>Service</dt>
          <dd>{serviceTypeLabel(note.serviceType)}</dd>
        </div>
        <div>
          <dt>Written by</dt>
          <dd>{note.author.displayName}</dd>
        </div>
        <div>
          <dt>Signed</dt>
          <dd>{note.signedAt === null ? 'Not yet' : formatDateTime(note.signedAt)}</dd>
        </div>
      </dl>
      <NoteReviewActions noteId={note.id} noteLabel={label} onDone={(_response, action) => onDone(action)} />
    </li>
  );
}
