/**
 * @module web/pages/notes-page
 * Service notes (`/notes`): the signed-in user's own by default — drafts, notes returned by a supervisor,
 * signed notes — or every note they can see. The filters live in the URL (`whose`, `status`,
 * `reviewStatus`), so a filtered list can be bookmarked.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { Link, useSearchParams } from 'react-router';
import { NOTE_STATUSES, REVIEW_STATUSES } from '../../../src/shared/documentation.js';
import type { NoteSummary } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import type { GetParams } from '../api/index.js';
import { SelectField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { NoteTable } from '../components/note-table.js';
import { PageHeading } from '../components/page-heading.js';
import { noteStatusLabel, reviewStatusLabel } from '../lib/note-labels.js';
import { useSignedInSession } from '../session/session-context.js';

const WHOSE_OPTIONS = [
  { value: 'mine', label: 'Notes I wrote' },
  { value: 'all', label: 'Every note I can see' },
] as const;

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...NOTE_STATUSES.map((status) => ({ value: status, label: noteStatusLabel(status) })),
];

const REVIEW_OPTIONS = [
  { value: '', label: 'Any review' },
  ...REVIEW_STATUSES.map((status) => ({ value: status, label: reviewStatusLabel(status) })),
];

/** The list's filters, each a select whose value goes into the URL under its name. */
const FILTERS = [
  { name: 'whose', label: 'Whose notes', options: WHOSE_OPTIONS },
  { name: 'status', label: 'Status', options: STATUS_OPTIONS },
  { name: 'reviewStatus', label: 'Review', options: REVIEW_OPTIONS },
] as const;

export function NotesPage(): JSX.Element {
  const session = useSignedInSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const whose = searchParams.get('whose') === 'all' ? 'all' : 'mine';
  const status = searchParams.get('status') ?? '';
  const reviewStatus = searchParams.get('reviewStatus') ?? '';
  // The URL's filters as they travel; the server checks them (an unknown status is refused with a 400).
  const filters = {
    authorId: whose === 'mine' ? session.user.id : undefined,
    status,
    reviewStatus,
    limit: 200,
  } as NonNullable<GetParams<'/api/v1/notes'>['query']>;
  const values = { whose, status, reviewStatus };
  const notes = useQuery({
    ...apiQuery('/api/v1/notes', { query: filters }),
    select: (answer) => answer.notes,
  });

  const setFilter = (name: string, value: string): void => {
    const next = new URLSearchParams(searchParams);
    if (value === '' || (name === 'whose' && value === 'mine')) {
      next.delete(name);
    } else {
      next.set(name, value);
    }
    setSearchParams(next, { replace: true });
  };

  return (
    <>
      <div className="page-title-row">
        <PageHeading title="Notes">Notes</PageHeading>
        <Link to="/members" className="button button-secondary">
          Write a note for a member
        </Link>
      </div>
      <div className="filters" role="group" aria-label="Filter the notes">
        {FILTERS.map((filter) => (
          <SelectField
            key={filter.name}
            id={`notes-${filter.name}`}
            label={filter.label}
            value={values[filter.name]}
            onValueChange={(value) => setFilter(filter.name, value)}
            options={filter.options}
          />
        ))}
      </div>
      <QueryView query={notes} what="the notes">
        {(list) => <NotesResult notes={list} whose={whose} />}
      </QueryView>
    </>
  );
}

function NotesResult({ notes, whose }: { notes: NoteSummary[]; whose: 'mine' | 'all' }): JSX.Element {
  if (notes.length === 0) {
    return <p>No notes match these filters.</p>;
  }
  return (
    <NoteTable
      notes={notes}
      caption={`${whose === 'mine' ? 'Notes you wrote' : 'Notes you can see'} (${notes.length})`}
      showAuthor={whose === 'all'}
    />
  );
}
