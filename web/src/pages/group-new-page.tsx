/**
 * @module web/pages/group-new-page
 * Peers, supervisors and admins: document a group session — its program, topic, date and times, how and
 * where it met, its facilitators with their roles and minutes, and the members who attended (from the
 * members the user can see in that program). Each attendee gets a draft note; the session's own page then
 * takes the shared Interaction, each attendee's response, and the signatures.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useNavigate } from 'react-router';
import { CreateGroupSessionRequestSchema } from '../../../src/shared/index.js';
import type { GroupOptionsResponse } from '../../../src/shared/index.js';
import { api, apiQuery, invalidate, ok } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup, SelectField } from '../components/fields.js';
import {
  GroupSessionFieldset,
  InteractionField,
  sessionFieldIds,
  sessionFieldsOf,
} from '../components/group-session-form.js';
import type { SessionDraft } from '../components/group-session-form.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { todayLocalDate } from '../lib/format.js';
import type { NoticeState } from '../lib/navigation-notice.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

export function GroupNewPage(): JSX.Element {
  const options = useQuery(apiQuery('/api/v1/groups/options'));
  return (
    <>
      <p className="back-link">
        <Link to="/groups">Back to group sessions</Link>
      </p>
      <PageHeading title="New group session">New group session</PageHeading>
      <QueryView query={options} what="programs, staff and members">
        {(loaded) => <NewGroupForm options={loaded} />}
      </QueryView>
    </>
  );
}

function NewGroupForm({ options }: { options: GroupOptionsResponse }): JSX.Element {
  const session = useSignedInSession();
  const navigate = useNavigate();
  // Start in the program of the user's first member: most peers work in one program.
  const [programId, setProgramId] = useState(options.members[0]?.programId ?? options.programs[0]?.id ?? '');
  const [draft, setDraft] = useState<SessionDraft>({
    topic: '',
    dateOfService: todayLocalDate(),
    start: '',
    end: '',
    modality: 'in_person',
    memberLocation: '',
    placeOfService: '',
    facilitators: [
      {
        userId: options.facilitators.some((person) => person.id === session.user.id) ? session.user.id : '',
        role: 'lead',
        minutes: '',
      },
    ],
  });
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [interaction, setInteraction] = useState('');
  const members = options.members.filter((member) => member.programId === programId);
  const form = useSchemaForm({
    schema: CreateGroupSessionRequestSchema,
    input: { ...sessionFieldsOf(draft), programId, interaction, memberIds },
    send: async (body) => {
      const { group } = await ok(api.POST('/api/v1/groups', { body }));
      await invalidate('/api/v1/groups', '/api/v1/notes');
      return group;
    },
    afterSuccess: 'leave',
    onSuccess: (group) => {
      const state: NoticeState = {
        notice: `Created the group session “${group.topic}” with ${group.attendees.length} ${
          group.attendees.length === 1 ? 'attendee' : 'attendees'
        }.`,
      };
      void navigate(`/groups/${group.id}`, { state });
    },
  });
  const fieldIds = {
    ...sessionFieldIds(draft),
    programId: 'group-program',
    memberIds: `group-members-${members[0]?.id ?? 'none'}`,
    ...Object.fromEntries(memberIds.map((id, index) => [`memberIds.${index}`, `group-members-${id}`])),
    interaction: 'group-interaction',
  };

  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={fieldIds} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <SelectField
          id="group-program"
          label="Program"
          hint="The program the group is billed under; its members can attend."
          value={programId}
          onValueChange={(value) => {
            setProgramId(value);
            setMemberIds([]);
          }}
          options={options.programs.map((program) => ({ value: program.id, label: program.name }))}
          problems={problemsUnder(form.problems, 'programId')}
        />
        <GroupSessionFieldset
          draft={draft}
          onChange={setDraft}
          staff={options.facilitators}
          problems={form.problems}
        />
        {members.length === 0 ? (
          <p className="notice">
            You have no members in this program yet, so no one can be added now. You can add attendees later.
          </p>
        ) : (
          <CheckboxGroup
            id="group-members"
            legend="Attendees"
            hint="Members of this program who attended. Each gets a draft note sharing the session."
            options={members.map((member) => ({ value: member.id, label: member.displayName }))}
            selected={memberIds}
            onChange={setMemberIds}
            problems={problemsUnder(form.problems, 'memberIds')}
          />
        )}
        <InteractionField
          label="Interaction (optional now: you can write it on the session’s page)"
          value={interaction}
          onChange={setInteraction}
          problems={form.problems}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Creating…' : 'Create group session'}
          </button>
          <Link to="/groups" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
