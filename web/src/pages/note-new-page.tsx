/**
 * @module web/pages/note-new-page
 * Starts a service note (`/notes/new?memberId=…`): the service type and date (today unless changed), and
 * the program when it is not the member's own. Creating the draft opens it, where the rest is written and
 * saved as it is typed.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { CreateNoteRequestSchema, SERVICE_TYPES, noteRequestPath } from '../../../src/shared/index.js';
import type { MemberRecord, ServiceType } from '../../../src/shared/index.js';
import { api, apiQuery, invalidate, ok } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { RadioGroup, SelectField, TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { memberName } from '../components/member-parts.js';
import { PageHeading } from '../components/page-heading.js';
import { todayLocalDate } from '../lib/format.js';
import { SERVICE_TYPE_OPTIONS } from '../lib/note-labels.js';
import { controlIdOf, problemsAt } from '../lib/note-problems.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

/** The create request, with a plain-words message when no service type is chosen yet. */
const NewNoteSchema = CreateNoteRequestSchema.extend({
  serviceType: z.string().pipe(z.enum(SERVICE_TYPES, { message: 'Choose the kind of service.' })),
});

/** The create request names its note fields by the note field (`['fields', 'serviceType']`), as the API does. */
const CREATE_NOTE = noteRequestPath([]);

const FIELD_IDS = {
  serviceType: `new-note-service-type-${SERVICE_TYPE_OPTIONS[0]?.value ?? 'engagement'}`,
  dateOfService: 'new-note-date',
  programId: 'new-note-program',
} as const;

export function NoteNewPage(): JSX.Element {
  const [searchParams] = useSearchParams();
  const memberId = searchParams.get('memberId') ?? '';
  return (
    <>
      <p className="back-link">
        <Link to={memberId === '' ? '/notes' : `/members/${encodeURIComponent(memberId)}`}>
          {memberId === '' ? 'Back to notes' : 'Back to the member'}
        </Link>
      </p>
      <PageHeading title="New service note">New service note</PageHeading>
      {memberId === '' ? (
        <p>
          A note is about one member. Find the member on the <Link to="/members">Members</Link> page, then
          choose “Write a note”.
        </p>
      ) : (
        <NoteMember memberId={memberId} />
      )}
    </>
  );
}

function NoteMember({ memberId }: { memberId: string }): JSX.Element {
  const member = useQuery({
    ...apiQuery('/api/v1/members/{memberId}', { path: { memberId } }),
    select: (answer) => answer.member,
  });
  return (
    <QueryView
      query={member}
      what="the member"
      notFound={
        <p>
          There is no member with this address that you can see. Find the member on the{' '}
          <Link to="/members">Members</Link> page.
        </p>
      }
    >
      {(loaded) => <NewNoteForm member={loaded} />}
    </QueryView>
  );
}

function NewNoteForm({ member }: { member: MemberRecord }): JSX.Element {
  const memberId = member.id;
  const navigate = useNavigate();
  const { data: organisation } = useQuery(apiQuery('/api/v1/organisation'));
  const [serviceType, setServiceType] = useState<ServiceType | null>(null);
  const [dateOfService, setDateOfService] = useState(todayLocalDate);
  const [programId, setProgramId] = useState('');
  const form = useSchemaForm({
    schema: NewNoteSchema,
    location: CREATE_NOTE,
    input: {
      memberId,
      serviceType: serviceType ?? '',
      dateOfService,
      programId: programId === '' ? undefined : programId,
    },
    send: async (body) => {
      const created = await ok(api.POST('/api/v1/notes', { body }));
      await invalidate('/api/v1/notes');
      return created;
    },
    afterSuccess: 'leave',
    onSuccess: (response) => {
      void navigate(`/notes/${response.note.id}`, { replace: true });
    },
  });
  const programs = organisation?.programs ?? [];

  return (
    <>
      <p className="lead">
        For <strong>{memberName(member)}</strong>, {member.program.name}.
      </p>
      <p>Choose the kind of service and its date; the draft opens next and saves itself as you write.</p>
      <ErrorSummary
        problems={form.problems}
        controlIdOf={(problem) =>
          controlIdOf(problem, {
            ...FIELD_IDS,
            serviceType: `new-note-service-type-${serviceType ?? 'engagement'}`,
          })
        }
        fieldIds={FIELD_IDS}
        focusKey={form.focusKey}
      />
      <form onSubmit={form.submit} noValidate className="form">
        <RadioGroup
          id="new-note-service-type"
          legend="Service type"
          options={SERVICE_TYPE_OPTIONS}
          value={serviceType}
          onChange={setServiceType}
          problems={problemsAt(form.problems, 'serviceType')}
        />
        <TextField
          id={FIELD_IDS.dateOfService}
          type="date"
          label="Date of service"
          value={dateOfService}
          onValueChange={setDateOfService}
          problems={problemsAt(form.problems, 'dateOfService')}
        />
        {programs.length > 1 ? (
          <SelectField
            id={FIELD_IDS.programId}
            label="Program"
            hint="Leave as it is unless the service was given under another of your programs."
            value={programId}
            onValueChange={setProgramId}
            options={[
              { value: '', label: `${member.program.name} (the member’s program)` },
              ...programs
                .filter((program) => program.id !== member.program.id)
                .map((program) => ({ value: program.id, label: program.name })),
            ]}
            problems={problemsUnder(form.problems, 'programId')}
          />
        ) : null}
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Starting…' : 'Start the note'}
        </button>
      </form>
    </>
  );
}
