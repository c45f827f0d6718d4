/**
 * @module web/pages/notes-overdue-page
 * Unsigned notes past their due date (`/notes/overdue`), counted per peer and per program with the longest
 * wait in business days, then listed oldest first. Peers see their own; supervisors their team; admins the
 * whole organisation (the server decides). A peer or program can be picked out (`authorId`, `programId` in
 * the URL).
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX, ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { OverdueNotesQuery, OverdueNotesResponse } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { NoteTable, overdueText } from '../components/note-table.js';
import { PageHeading } from '../components/page-heading.js';
import { ScrollTable } from '../components/payer-rules-parts.js';

export function NotesOverduePage(): JSX.Element {
  const [searchParams] = useSearchParams();
  const query: OverdueNotesQuery = {
    authorId: searchParams.get('authorId') ?? undefined,
    programId: searchParams.get('programId') ?? undefined,
  };
  const narrowed = query.authorId !== undefined || query.programId !== undefined;
  const overdue = useQuery(apiQuery('/api/v1/notes/overdue', { query }));

  return (
    <>
      <PageHeading title="Overdue notes">Overdue notes</PageHeading>
      <p className="lead">
        Notes not yet signed after their due date, counted in business days. Sign them, or say in each note
        why it is late.
      </p>
      {narrowed ? (
        <p>
          <Link to="/notes/overdue">Show every overdue note</Link>
        </p>
      ) : null}
      <QueryView query={overdue} what="overdue notes">
        {(data) => <Overdue data={data} />}
      </QueryView>
    </>
  );
}

function Overdue({ data }: { data: OverdueNotesResponse }): JSX.Element {
  if (data.notes.length === 0) {
    return <p className="notice notice-success">No overdue notes.</p>;
  }
  return (
    <>
      {[
        {
          id: 'overdue-by-peer',
          title: 'By peer',
          heading: 'Peer',
          rows: tallyRows(data.byAuthor, ({ author }) => [author.id, author.displayName, 'authorId']),
        },
        {
          id: 'overdue-by-program',
          title: 'By program',
          heading: 'Program',
          rows: tallyRows(data.byProgram, ({ program }) => [program.id, program.name, 'programId']),
        },
      ].map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          <TallyTable caption={`Overdue notes per ${section.heading.toLowerCase()}`} {...section} />
        </section>
      ))}
      <section aria-labelledby="overdue-notes">
        <h2 id="overdue-notes">The notes</h2>
        <NoteTable
          notes={data.notes}
          caption={`Overdue notes, oldest first (${data.notes.length})`}
          showAuthor
        />
      </section>
    </>
  );
}

interface TallyRow {
  key: string;
  name: ReactNode;
  count: number;
  maxDays: number;
}

/** Rows of a tally: who or what (linking to the overdue list narrowed to it), how many, the longest wait. */
function tallyRows<T extends { count: number; maxBusinessDaysOverdue: number }>(
  tallies: readonly T[],
  of: (tally: T) => [id: string, name: string, filter: 'authorId' | 'programId'],
): TallyRow[] {
  return tallies.map((tally) => {
    const [id, name, filter] = of(tally);
    return {
      key: id,
      name: <Link to={`/notes/overdue?${filter}=${id}`}>{name}</Link>,
      count: tally.count,
      maxDays: tally.maxBusinessDaysOverdue,
    };
  });
}

function TallyTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: TallyRow[];
}): JSX.Element {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="numeric">
            Overdue notes
          </th>
          <th scope="col">Longest overdue</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td className="numeric">{row.count}</td>
            <td>{overdueText(row.maxDays)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
