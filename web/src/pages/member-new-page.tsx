/**
 * @module web/pages/member-new-page
 * Admins and supervisors: add a member — demographics, program and the peer whose caseload they join
 * (supervisors choose themselves or a peer on their team). Contacts, coverage, diagnoses and consents are
 * added on the member's page next.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useNavigate } from 'react-router';
import { CreateMemberRequestSchema } from '../../../src/shared/index.js';
import type { PersonRef, Program } from '../../../src/shared/index.js';
import { api, apiQuery, invalidate } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/fields.js';
import { QueryView, allOf } from '../components/load-state.js';
import {
  DemographicFields,
  EMPTY_DEMOGRAPHICS,
  demographicFieldIds,
  type DemographicValues,
} from '../components/member-fields.js';
import { recordAfter } from '../components/member-sections.js';
import { memberName } from '../components/member-parts.js';
import { PageHeading } from '../components/page-heading.js';
import type { NoticeState } from '../lib/navigation-notice.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

const ID_PREFIX = 'new-member';
const FIELD_IDS = { ...demographicFieldIds(ID_PREFIX), assignedPeerId: `${ID_PREFIX}-peer` };

export function MemberNewPage(): JSX.Element {
  const programs = useQuery({ ...apiQuery('/api/v1/organisation'), select: (answer) => answer.programs });
  const peers = useQuery({
    ...apiQuery('/api/v1/members/assignable-peers'),
    select: (answer) => answer.peers,
  });
  return (
    <>
      <p className="back-link">
        <Link to="/members">Back to members</Link>
      </p>
      <PageHeading title="Add a member">Add a member</PageHeading>
      <QueryView query={allOf(programs, peers)} what="the programs and peers">
        {([programList, peerList]) => <NewMemberForm programs={programList} peers={peerList} />}
      </QueryView>
    </>
  );
}

function NewMemberForm({ programs, peers }: { programs: Program[]; peers: PersonRef[] }): JSX.Element {
  const navigate = useNavigate();
  const session = useSignedInSession();
  const isAdmin = session.user.roles.includes('admin');
  const [values, setValues] = useState<DemographicValues>({
    ...EMPTY_DEMOGRAPHICS,
    programId: programs.length === 1 ? (programs[0]?.id ?? '') : '',
  });
  const [assignedPeerId, setAssignedPeerId] = useState('');
  const form = useSchemaForm({
    schema: CreateMemberRequestSchema,
    input: { ...values, assignedPeerId: assignedPeerId === '' ? null : assignedPeerId },
    send: async (body) => {
      const member = await recordAfter(api.POST('/api/v1/members', { body }));
      await invalidate('/api/v1/members');
      return member;
    },
    afterSuccess: 'leave',
    onSuccess: (member) => {
      const state: NoticeState = {
        notice: `Added ${memberName(member)}. Add their contacts, coverage, diagnoses and consents below.`,
      };
      void navigate(`/members/${member.id}`, { state });
    },
  });

  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <DemographicFields
          idPrefix={ID_PREFIX}
          values={values}
          onChange={setValues}
          problems={form.problems}
          programs={programs}
        />
        <SelectField
          id={FIELD_IDS.assignedPeerId}
          name="assignedPeerId"
          label={isAdmin ? 'Peer (optional)' : 'Peer'}
          hint="The member joins this peer’s caseload."
          options={[
            { value: '', label: isAdmin ? 'Nobody yet' : 'Choose a peer…' },
            ...peers.map((peer) => ({ value: peer.id, label: peer.displayName })),
          ]}
          value={assignedPeerId}
          onValueChange={setAssignedPeerId}
          problems={problemsUnder(form.problems, 'assignedPeerId')}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Adding member…' : 'Add member'}
          </button>
          <Link to="/members" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
