/**
 * @module web/pages/member-page
 * One member's record: a summary (who, program, peer, coverage today, consents), links to the plans of care
 * and notes, the member's details with an edit form, the peer assignment (admins and supervisors), and the
 * parts of the record — contacts, coverage, eligibility, diagnoses, episodes of care and consents. Billing
 * staff see it all and change only coverage and eligibility.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useParams } from 'react-router';
import {
  AssignPeerRequestSchema,
  UpdateMemberRequestSchema,
  asamLevelLabel,
  consentKindLabel,
  hasAnyRole,
  memberSexLabel,
  specialPopulationLabel,
} from '../../../src/shared/index.js';
import type { MemberRecord, PersonRef, Program } from '../../../src/shared/index.js';
import { api, apiQuery, showChanged } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/fields.js';
import { QueryView, RecordPage, allOf } from '../components/load-state.js';
import {
  DemographicFields,
  demographicFieldIds,
  demographicsOf,
  type DemographicValues,
} from '../components/member-fields.js';
import {
  FormButtons,
  MemberFacts,
  formatPhone,
  memberName,
  useFocusAfterClose,
  useFocusFirstField,
} from '../components/member-parts.js';
import {
  ConsentsSection,
  ContactsSection,
  CoverageSection,
  DiagnosesSection,
  EligibilityDeterminationsSection,
  EligibilitySection,
  EpisodesSection,
  OutsideGroupHoursSection,
  memberParams,
  recordAfter,
} from '../components/member-sections.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { todayLocalDate } from '../lib/format.js';
import { consentInForce, inForce } from '../lib/in-force.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { usePayerName } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

export function MemberPage(): JSX.Element {
  const { memberId = '' } = useParams();
  const notice = useNavigationNotice();
  const record = apiQuery('/api/v1/members/{memberId}', { path: { memberId } });
  const member = useQuery({ ...record, select: (answer) => answer.member });
  const programs = useQuery({ ...apiQuery('/api/v1/organisation'), select: (answer) => answer.programs });
  // Every change answers with the whole record as it now is: show it at once, and refresh the lists.
  const onChange = (updated: MemberRecord): void => {
    showChanged(record, { member: updated }, '/api/v1/members');
  };
  return (
    <RecordPage
      query={allOf(member, programs)}
      back={{ to: '/members', label: 'Back to members' }}
      title="Member"
      what="the member’s record"
      notFound={{
        title: 'Member not found',
        text: 'There is no member with this address on your caseload or in your organisation.',
      }}
    >
      {([member, programs]) => (
        <>
          <MemberSummaryHeader member={member} />
          <StatusMessage message={notice} />
          <DetailsSection member={member} programs={programs} onChange={onChange} />
          {member.access.canAssignPeer ? <AssignmentSection member={member} onChange={onChange} /> : null}
          <ContactsSection member={member} onChange={onChange} />
          <CoverageSection member={member} onChange={onChange} />
          <EligibilitySection member={member} onChange={onChange} />
          <EligibilityDeterminationsSection member={member} onChange={onChange} />
          <OutsideGroupHoursSection member={member} onChange={onChange} />
          <DiagnosesSection member={member} onChange={onChange} />
          <EpisodesSection member={member} onChange={onChange} programs={programs} />
          <ConsentsSection member={member} onChange={onChange} />
        </>
      )}
    </RecordPage>
  );
}

/** The consents in force today, in words. */
function consentsToday(member: MemberRecord, today: string): string {
  const current = member.consents.filter((consent) => consentInForce(consent, today));
  const kinds = [...new Set(current.map((consent) => consentKindLabel(consent.kind)))];
  return kinds.length === 0 ? 'None on file' : kinds.join(', ');
}

/** "12 Example Way, Oakland, CA 94612-0000", or null when no address is recorded. */
function addressText(member: MemberRecord): string | null {
  if (member.addressLine1 === null) return null;
  const zip = member.postalCode ?? '';
  const postal = zip.length === 9 ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip;
  return `${member.addressLine1}, ${member.city ?? ''}, ${member.state ?? ''} ${postal}`.trim();
}

/** Roles that write service notes (the note pages admit the same). */
const NOTE_WRITERS = ['peer', 'supervisor', 'admin'] as const;

function MemberSummaryHeader({ member }: { member: MemberRecord }): JSX.Element {
  const session = useSignedInSession();
  const today = todayLocalDate();
  const coverage = member.coverage.filter((entry) => inForce(today, entry.from, entry.to));
  const name = memberName(member);
  const payerName = usePayerName();
  return (
    <>
      <PageHeading title={name}>
        {name}
        {member.pronouns === null ? null : <span className="heading-sub">{member.pronouns}</span>}
      </PageHeading>
      {member.active ? null : (
        <p className="notice notice-info">
          This member is inactive: they are left out of searches and caseloads.
        </p>
      )}
      <nav aria-label="Member’s records" className="member-links">
        <ul className="inline-list">
          <li>
            <Link to={`/members/${member.id}/care-plans`} className="button button-secondary">
              Plans of care
            </Link>
          </li>
          <li>
            <Link to={`/notes?memberId=${member.id}`} className="button button-secondary">
              Notes
            </Link>
          </li>
          {member.access.canEdit && hasAnyRole(session.user.roles, NOTE_WRITERS) ? (
            <li>
              <Link to={`/notes/new?memberId=${member.id}`} className="button">
                New note
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <dl className="facts facts-wide member-summary">
        <MemberFacts member={member} />
        <div>
          <dt>Coverage today</dt>
          <dd>
            {coverage.length === 0
              ? 'None'
              : coverage.map((entry) => `${payerName(entry.payerPack)} (${entry.memberNumber})`).join(', ')}
          </dd>
        </div>
        <div>
          <dt>Consents in force</dt>
          <dd>{consentsToday(member, today)}</dd>
        </div>
      </dl>
    </>
  );
}

function DetailsSection({
  member,
  programs,
  onChange,
}: {
  member: MemberRecord;
  programs: Program[];
  onChange: (member: MemberRecord) => void;
}): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const focusAfterClose = useFocusAfterClose();
  return (
    <section aria-labelledby="details-heading" className="panel member-section">
      <h2 id="details-heading" ref={focusAfterClose.heading} tabIndex={-1}>
        Details
      </h2>
      {editing ? (
        <EditDetailsForm
          member={member}
          programs={programs}
          onSaved={(updated) => {
            setEditing(false);
            setSaved('Saved the member’s details.');
            focusAfterClose.closed('saved');
            onChange(updated);
          }}
          onCancel={() => {
            setEditing(false);
            focusAfterClose.closed('cancelled');
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>Legal name</dt>
              <dd>
                {member.firstName} {member.lastName}
              </dd>
            </div>
            <div>
              <dt>Preferred name</dt>
              <dd>{member.preferredName ?? 'Not recorded'}</dd>
            </div>
            <div>
              <dt>Sex</dt>
              <dd>{memberSexLabel(member.sex)}</dd>
            </div>
            <div>
              <dt>Phone</dt>
              <dd>{member.phone === null ? 'Not recorded' : formatPhone(member.phone)}</dd>
            </div>
            <div>
              <dt>Home address</dt>
              <dd>{addressText(member) ?? 'Not recorded'}</dd>
            </div>
            <div>
              <dt>Medicare</dt>
              <dd>{member.hasMedicare ? 'Also has Medicare' : 'No Medicare'}</dd>
            </div>
            <div>
              <dt>ASAM level of care</dt>
              <dd>{member.asamLevel === null ? 'Not recorded' : asamLevelLabel(member.asamLevel)}</dd>
            </div>
            <div>
              <dt>Special populations</dt>
              <dd>
                {member.specialPopulations.length === 0
                  ? 'None'
                  : member.specialPopulations.map(specialPopulationLabel).join(', ')}
              </dd>
            </div>
          </dl>
          {member.access.canEdit ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              Edit details
            </button>
          ) : null}
        </>
      )}
      <StatusMessage message={saved} ref={focusAfterClose.message} />
    </section>
  );
}

const EDIT_PREFIX = 'edit-member';
const EDIT_FIELD_IDS = demographicFieldIds(EDIT_PREFIX);

function EditDetailsForm({
  member,
  programs,
  onSaved,
  onCancel,
}: {
  member: MemberRecord;
  programs: Program[];
  onSaved: (member: MemberRecord) => void;
  onCancel: () => void;
}): JSX.Element {
  const [values, setValues] = useState<DemographicValues>(() => demographicsOf(member));
  const formRef = useFocusFirstField();
  const form = useSchemaForm({
    schema: UpdateMemberRequestSchema,
    input: values,
    send: (body) =>
      recordAfter(api.PATCH('/api/v1/members/{memberId}', { params: memberParams(member), body })),
    afterSuccess: 'stay',
    onSuccess: onSaved,
  });
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={EDIT_FIELD_IDS} focusKey={form.focusKey} />
      <form ref={formRef} onSubmit={form.submit} noValidate className="form">
        <DemographicFields
          idPrefix={EDIT_PREFIX}
          values={values}
          onChange={setValues}
          problems={form.problems}
          programs={programs}
        />
        <FormButtons submitting={form.submitting} submitLabel="Save details" onCancel={onCancel} />
      </form>
    </>
  );
}

function AssignmentSection({
  member,
  onChange,
}: {
  member: MemberRecord;
  onChange: (member: MemberRecord) => void;
}): JSX.Element {
  const peers = useQuery({
    ...apiQuery('/api/v1/members/assignable-peers'),
    select: (answer) => answer.peers,
  });
  return (
    <section aria-labelledby="assignment-heading" className="panel member-section">
      <h2 id="assignment-heading">Caseload</h2>
      <p>
        {member.assignedPeer === null
          ? 'This member is not on anyone’s caseload.'
          : `On the caseload of ${member.assignedPeer.displayName}.`}
      </p>
      <QueryView query={peers} what="the peers">
        {(list) => <AssignForm member={member} peers={list} onChange={onChange} />}
      </QueryView>
    </section>
  );
}

const ASSIGN_FIELD_IDS = { peerId: 'assign-peer' } as const;

function AssignForm({
  member,
  peers,
  onChange,
}: {
  member: MemberRecord;
  peers: PersonRef[];
  onChange: (member: MemberRecord) => void;
}): JSX.Element {
  const [peerId, setPeerId] = useState(member.assignedPeer?.id ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: AssignPeerRequestSchema,
    input: { peerId: peerId === '' ? null : peerId },
    onAttempt: () => setSaved(null),
    send: (body) =>
      recordAfter(api.POST('/api/v1/members/{memberId}/assign-peer', { params: memberParams(member), body })),
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setSaved(
        updated.assignedPeer === null
          ? 'The member is no longer on anyone’s caseload.'
          : `Assigned to ${updated.assignedPeer.displayName}.`,
      );
      onChange(updated);
    },
  });
  // The current peer may be outside the list (a supervisor sees only their team); keep them choosable.
  const options = [
    { value: '', label: 'Nobody' },
    ...peers.map((peer) => ({ value: peer.id, label: peer.displayName })),
    ...(member.assignedPeer === null || peers.some((peer) => peer.id === member.assignedPeer?.id)
      ? []
      : [{ value: member.assignedPeer.id, label: member.assignedPeer.displayName }]),
  ];
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={ASSIGN_FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <SelectField
          id={ASSIGN_FIELD_IDS.peerId}
          name="peerId"
          label="Peer"
          options={options}
          value={peerId}
          onValueChange={setPeerId}
          problems={problemsUnder(form.problems, 'peerId')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Assigning…' : 'Assign'}
        </button>
      </form>
      <StatusMessage message={saved} />
    </>
  );
}
