/**
 * @module web/components/note-table
 * Notes as a table that scrolls sideways on a phone: member (linking to the note), date of service, service
 * type, author, status and review, and when it is due — with how many business days overdue it is.
 */
import { useId } from 'react';
import type { JSX } from 'react';
import { Link } from 'react-router';
import type { NoteSummary } from '../../../src/shared/index.js';
import { formatDate } from '../lib/format.js';
import { noteStatusLabel, reviewStatusLabel, serviceTypeLabel } from '../lib/note-labels.js';

export function overdueText(days: number): string {
  return `${days} business ${days === 1 ? 'day' : 'days'} overdue`;
}

export function NoteTable({
  notes,
  caption,
  showAuthor,
}: {
  notes: readonly NoteSummary[];
  caption: string;
  showAuthor: boolean;
}): JSX.Element {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Date of service</th>
            <th scope="col">Service</th>
            {showAuthor ? <th scope="col">Written by</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => (
            <tr key={note.id}>
              <th scope="row">
                <Link to={`/notes/${note.id}`}>{note.member.displayName}</Link>
              </th>
              <td className="nowrap">{formatDate(note.dateOfService)}</td>
              <td>{serviceTypeLabel(note.serviceType)}</td>
              {showAuthor ? <td>{note.author.displayName}</td> : null}
              <td>
                <span className={`badge badge-note-${note.status}`}>{noteStatusLabel(note.status)}</span>
                {note.status === 'signed' && note.reviewStatus !== 'not_required' ? (
                  <>
                    {' '}
                    <span className={`badge badge-review-${note.reviewStatus}`}>
                      {reviewStatusLabel(note.reviewStatus)}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {note.status === 'signed' ? (
                  'Signed'
                ) : (
                  <>
                    <span className="nowrap">{formatDate(note.dueOn)}</span>
                    {note.businessDaysOverdue > 0 ? (
                      <>
                        <br />
                        <strong className="overdue">{overdueText(note.businessDaysOverdue)}</strong>
                      </>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
