/**
 * @module web/pages/group-detail-page
 * One group session: its facts; while nothing is signed, the session itself (times, facilitators …), the
 * shared Interaction and the attendance can change; each attendee has their own parts of the note (response,
 * next steps, late reason, identity verified, family coordination, goals … — group-attendee-fields) and
 * their own claim preview — code, units, amount and every problem — from the payer rules, judged with the
 * group's size; and one button signs every attendee's note, reporting any attendee whose note is blocked.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JSX, RefObject } from 'react';
import { Link, useParams } from 'react-router';
import {
  AddAttendeesRequestSchema,
  SaveAttendeeRequestSchema,
  attendeeRequestPath,
  UpdateGroupSessionRequestSchema,
} from '../../../src/shared/index.js';
import type { GroupAttendee, GroupSession, GroupSignOutcome } from '../../../src/shared/index.js';
import { api, apiQuery, ok, showChanged } from '../api/index.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup } from '../components/fields.js';
import { AttendeeFields, attendeeDraftOf, attendeeFieldIds } from '../components/group-attendee-fields.js';
import { GroupStatusBadge, canWriteGroups, timeRange } from '../components/group-parts.js';
import {
  GroupSessionFieldset,
  InteractionField,
  draftOfGroup,
  facilitatorRoleLabel,
  sessionFieldIds,
  sessionFieldsOf,
} from '../components/group-session-form.js';
import { LoadError, Loading, RecordPage, queryState } from '../components/load-state.js';
import { ProblemList, previewSentence } from '../components/note-claim-preview.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { useNavigationNotice } from '../lib/navigation-notice.js';
import { modalityLabel, memberLocationLabel } from '../lib/note-labels.js';
import { goalOptions, useMemberCarePlans } from '../lib/use-note-goals.js';
import { controlIdOf } from '../lib/note-problems.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm, useSubmission } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

export function GroupDetailPage(): JSX.Element {
  const { groupId = '' } = useParams();
  const record = apiQuery('/api/v1/groups/{groupId}', { path: { groupId } });
  const group = useQuery({ ...record, select: (answer) => answer.group });
  // A change answers with the whole session as it now is; the lists and the attendees' notes follow it.
  const onChange = (updated: GroupSession): void => {
    showChanged(record, { group: updated }, '/api/v1/groups', '/api/v1/notes', '/api/v1/reviews');
  };
  return (
    <RecordPage
      query={group}
      back={{ to: '/groups', label: 'Back to group sessions' }}
      title="Group session"
      what="the group session"
      notFound={{
        title: 'Group session not found',
        text: 'There is no group session with this address that you can see.',
      }}
    >
      {(loaded) => <GroupDetail group={loaded} onChange={onChange} />}
    </RecordPage>
  );
}

/** The path of the group session, for the calls that change it. */
function groupParams(group: GroupSession): { path: { groupId: string } } {
  return { path: { groupId: group.id } };
}

/** The path of one attendee of the group session. */
function attendeeParams(
  group: GroupSession,
  attendee: GroupAttendee,
): { path: { groupId: string; memberId: string } } {
  return { path: { groupId: group.id, memberId: attendee.member.id } };
}

interface GroupProps {
  group: GroupSession;
  /** The session as the server returned it after a change. */
  onChange: (group: GroupSession) => void;
}

/** Control ids of the session's shared fields, so an attendee's problem about them links to the field. */
const SHARED_FIELD_IDS = {
  dateOfService: 'group-date',
  start: 'group-start',
  end: 'group-end',
  memberLocation: 'group-member-location',
  placeOfService: 'group-place-of-service',
  'pin.interaction': 'group-interaction',
  'pin.plan': 'group-topic',
} as const;

function GroupDetail({ group, onChange }: GroupProps): JSX.Element {
  const notice = useNavigationNotice();
  const session = useSignedInSession();
  const writer = canWriteGroups(session.user.roles);
  // The lead facilitator is the author of every attendee's note: they write each one's part and sign.
  const isLead = group.lead?.id === session.user.id;
  return (
    <>
      <PageHeading title={group.topic}>{group.topic}</PageHeading>
      <StatusMessage message={notice} />
      <GroupFacts group={group} />
      {group.editable ? <SessionPanel key={group.id} group={group} onChange={onChange} /> : null}
      <InteractionPanel key={`interaction-${group.id}`} group={group} onChange={onChange} />
      <section aria-labelledby="group-attendees-heading" className="panel">
        <h2 id="group-attendees-heading">Attendees ({group.attendees.length})</h2>
        <p>
          Each attendee has their own note: the session and its Interaction are shared, the response and next
          steps are theirs. The claim preview judges each one with the group’s size.
          {isLead || group.lead === null
            ? ''
            : ` ${group.lead.displayName}, the lead facilitator, writes each attendee’s part and signs the notes.`}
        </p>
        {group.attendees.length === 0 ? <p>No one has been added to this group yet.</p> : null}
        {group.attendees.map((attendee) => (
          <AttendeeCard
            key={attendee.member.id}
            group={group}
            attendee={attendee}
            author={writer && isLead}
            onChange={onChange}
          />
        ))}
        {group.editable ? <AddAttendeesForm group={group} onChange={onChange} /> : null}
      </section>
      {writer && isLead && group.attendees.length > 0 ? (
        <SignPanel group={group} onChange={onChange} />
      ) : null}
    </>
  );
}

function GroupFacts({ group }: { group: GroupSession }): JSX.Element {
  return (
    <dl className="facts facts-wide">
      <div>
        <dt>Status</dt>
        <dd>
          <GroupStatusBadge status={group.status} />
        </dd>
      </div>
      <div>
        <dt>Program</dt>
        <dd>{group.program.name}</dd>
      </div>
      <div>
        <dt>Date and time</dt>
        <dd>
          {formatDate(group.dateOfService)}, {timeRange(group.start, group.end)}
        </dd>
      </div>
      <div>
        <dt>How the group met</dt>
        <dd>
          {modalityLabel(group.modality)}
          {group.memberLocation === null
            ? ''
            : ` (members were at: ${memberLocationLabel(group.memberLocation)})`}
        </dd>
      </div>
      <div>
        <dt>Place of service</dt>
        <dd>{group.placeOfService ?? 'Set by the payer rules'}</dd>
      </div>
      <div>
        <dt>Facilitators</dt>
        <dd>
          <ul className="plain-list">
            {group.facilitators.map((facilitator) => (
              <li key={facilitator.user.id}>
                {facilitator.user.displayName} — {facilitatorRoleLabel(facilitator.role)},{' '}
                {facilitator.minutes} minutes
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>Facilitator FTE</dt>
        <dd>
          {group.facilitatorFte === null
            ? 'Enter the start and end times to work it out.'
            : `${group.facilitatorFte.toFixed(2)} (${(group.attendees.length / group.facilitatorFte).toFixed(1)} attendees per full-time facilitator)`}
        </dd>
      </div>
      <div>
        <dt>Documented by</dt>
        <dd>
          {group.createdBy.displayName},{' '}
          <time dateTime={group.createdAt}>{formatDateTime(group.createdAt)}</time>
        </dd>
      </div>
    </dl>
  );
}

function SessionPanel({ group, onChange }: GroupProps): JSX.Element {
  const [draft, setDraft] = useState(() => draftOfGroup(group));
  const [saved, setSaved] = useState<string | null>(null);
  const { data: options } = useQuery(apiQuery('/api/v1/groups/options'));
  const staff = options !== undefined ? options.facilitators : group.facilitators.map((each) => each.user);
  const form = useSchemaForm({
    schema: UpdateGroupSessionRequestSchema,
    input: sessionFieldsOf(draft),
    onAttempt: () => setSaved(null),
    send: async (body) =>
      (await ok(api.PATCH('/api/v1/groups/{groupId}', { params: groupParams(group), body }))).group,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setSaved('Saved the session. Every attendee’s draft note now has these details.');
      onChange(updated);
    },
  });
  return (
    <section aria-labelledby="group-session-heading" className="panel">
      <h2 id="group-session-heading">Session</h2>
      <ErrorSummary problems={form.problems} fieldIds={sessionFieldIds(draft)} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <GroupSessionFieldset draft={draft} onChange={setDraft} staff={staff} problems={form.problems} />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save session'}
        </button>
      </form>
      <StatusMessage message={saved} />
    </section>
  );
}

function InteractionPanel({ group, onChange }: GroupProps): JSX.Element {
  const [interaction, setInteraction] = useState(group.interaction);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: UpdateGroupSessionRequestSchema,
    input: { interaction },
    onAttempt: () => setSaved(null),
    send: async (body) =>
      (await ok(api.PATCH('/api/v1/groups/{groupId}', { params: groupParams(group), body }))).group,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setSaved('Saved the Interaction in every attendee’s draft note.');
      onChange(updated);
    },
  });
  return (
    <section aria-labelledby="group-interaction-heading" className="panel">
      <h2 id="group-interaction-heading">Interaction (shared)</h2>
      {group.editable ? (
        <>
          <ErrorSummary
            problems={form.problems}
            fieldIds={{ interaction: 'group-interaction' }}
            focusKey={form.focusKey}
          />
          <form onSubmit={form.submit} noValidate className="form">
            <InteractionField
              label="What the group did together"
              value={interaction}
              onChange={setInteraction}
              problems={form.problems}
            />
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? 'Saving…' : 'Save interaction'}
            </button>
          </form>
          <StatusMessage message={saved} />
        </>
      ) : (
        <p className="preserve-lines">
          {group.interaction === '' ? 'No Interaction was written.' : group.interaction}
        </p>
      )}
    </section>
  );
}

function AttendeeCard({
  group,
  attendee,
  author,
  onChange,
}: GroupProps & { attendee: GroupAttendee; author: boolean }): JSX.Element {
  const name = attendee.member.displayName;
  const prefix = `attendee-${attendee.member.id}`;
  const [own, setOwn] = useState(() => attendeeDraftOf(attendee));
  const [saved, setSaved] = useState<string | null>(null);
  const carePlans = useMemberCarePlans(attendee.member.id);
  const goals = carePlans === null ? null : goalOptions(carePlans, group.dateOfService, own.goalsAddressed);
  const form = useSchemaForm({
    schema: SaveAttendeeRequestSchema,
    location: attendeeRequestPath,
    // The revision comes from the latest answer: saving the session or the Interaction moves it on.
    input: { revision: attendee.revision, ...own },
    onAttempt: () => setSaved(null),
    send: async (body) => {
      const params = attendeeParams(group, attendee);
      return (await ok(api.PATCH('/api/v1/groups/{groupId}/attendees/{memberId}', { params, body }))).group;
    },
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setSaved(`Saved ${name}’s note.`);
      onChange(updated);
    },
  });
  const fieldIds = { ...SHARED_FIELD_IDS, ...attendeeFieldIds(prefix, own, goals) };
  const draft = attendee.noteStatus === 'draft';
  const headingId = `${prefix}-heading`;
  return (
    <article aria-labelledby={headingId} className="card group-attendee">
      <h3 id={headingId} className="card-heading">
        {name}
      </h3>
      <p>
        {draft ? (
          <span className="badge badge-inactive">Draft note</span>
        ) : (
          <span className="badge badge-success">Signed</span>
        )}{' '}
        <Link to={`/notes/${attendee.noteId}`}>Open {name}’s note</Link>
        {attendee.signedAt === null ? null : (
          <>
            {' '}
            · signed <time dateTime={attendee.signedAt}>{formatDateTime(attendee.signedAt)}</time>
          </>
        )}
      </p>
      {draft && author ? (
        <>
          <ErrorSummary
            problems={form.problems}
            controlIdOf={(problem) => controlIdOf(problem, fieldIds)}
            focusKey={form.focusKey}
          />
          <form onSubmit={form.submit} noValidate>
            <AttendeeFields
              group={group}
              attendee={attendee}
              prefix={prefix}
              draft={own}
              onChange={setOwn}
              goals={goals}
              problems={[...form.problems, ...attendee.problems]}
            />
            <button type="submit" className="button" disabled={form.submitting}>
              {form.submitting ? 'Saving…' : `Save ${name}’s note`}
            </button>
          </form>
          <StatusMessage message={saved} />
        </>
      ) : (
        <dl className="facts">
          <div>
            <dt>Response</dt>
            <dd className="preserve-lines">
              {attendee.fields.memberResponse === '' ? 'None written' : attendee.fields.memberResponse}
            </dd>
          </div>
          <div>
            <dt>Next steps</dt>
            <dd className="preserve-lines">
              {attendee.nextSteps === '' ? 'None written' : attendee.nextSteps}
            </dd>
          </div>
        </dl>
      )}
      <AttendeePreview attendee={attendee} fieldIds={fieldIds} />
      {group.editable ? <RemoveAttendee group={group} attendee={attendee} onChange={onChange} /> : null}
    </article>
  );
}

/** Takes an attendee out of a group whose notes are all drafts, after confirming; their draft is deleted. */
function RemoveAttendee({
  group,
  attendee,
  onChange,
}: GroupProps & { attendee: GroupAttendee }): JSX.Element {
  const name = attendee.member.displayName;
  const [confirming, setConfirming] = useState(false);
  const removal = useSubmission();
  return (
    <>
      <ErrorSummary problems={removal.problems} focusKey={removal.focusKey} />
      <button
        type="button"
        className="button button-secondary"
        disabled={removal.submitting}
        onClick={() => setConfirming(true)}
      >
        Remove {name} from the group
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${name} from the group?`}
        confirmLabel="Yes, remove"
        destructive
        onConfirm={() => {
          setConfirming(false);
          removal.send(
            async () => {
              const params = attendeeParams(group, attendee);
              return (
                await ok(api.DELETE('/api/v1/groups/{groupId}/attendees/{memberId}', { params, body: {} }))
              ).group;
            },
            {
              afterSuccess: 'leave',
              onSuccess: onChange,
            },
          );
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>Their draft note for this group is deleted. Add them again if they did attend.</p>
      </ConfirmDialog>
    </>
  );
}

function AttendeePreview({
  attendee,
  fieldIds,
}: {
  attendee: GroupAttendee;
  fieldIds: Readonly<Record<string, string>>;
}): JSX.Element {
  const name = attendee.member.displayName;
  const { preview } = attendee;
  return (
    <div className="group-attendee-preview">
      <p>
        <strong>Claim preview:</strong> {previewSentence(preview)}
        {preview === null ? null : (
          <>
            {' '}
            <span className="preview-pack">({preview.pack.name})</span>
          </>
        )}
      </p>
      {preview === null || preview.problems.length === 0 ? null : (
        <ProblemList
          problems={preview.problems}
          fieldIds={fieldIds}
          records={undefined}
          label={`Payer rules for ${name} (${preview.problems.length})`}
          packId={preview.pack.id}
        />
      )}
      {attendee.problems.length === 0 ? null : (
        <ProblemList
          problems={attendee.problems}
          fieldIds={fieldIds}
          records={undefined}
          label={`Before ${name}’s note can be signed (${attendee.problems.length})`}
        />
      )}
    </div>
  );
}

function AddAttendeesForm({ group, onChange }: GroupProps): JSX.Element {
  const options = useQuery(apiQuery('/api/v1/groups/options'));
  const state = queryState(options);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const form = useSchemaForm({
    schema: AddAttendeesRequestSchema,
    input: { memberIds },
    send: async (body) =>
      (await ok(api.POST('/api/v1/groups/{groupId}/attendees', { params: groupParams(group), body }))).group,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setMemberIds([]);
      onChange(updated);
    },
  });
  if (state.status === 'loading') return <Loading what="members you can add" />;
  if (state.status === 'failed' || state.status === 'not-found') {
    return (
      <LoadError error={state.error} what="members you can add" onRetry={() => void options.refetch()} />
    );
  }
  const attending = new Set(group.attendees.map((attendee) => attendee.member.id));
  const candidates = state.data.members.filter(
    (member) => member.programId === group.program.id && !attending.has(member.id),
  );
  return (
    <>
      <h3 id="group-add-heading">Add attendees</h3>
      {candidates.length === 0 ? (
        <p>Everyone you can add from this program is already in the group.</p>
      ) : (
        <>
          <ErrorSummary
            problems={form.problems}
            fieldIds={{ memberIds: `group-add-members-${candidates[0]?.id ?? ''}` }}
            focusKey={form.focusKey}
          />
          <form onSubmit={form.submit} noValidate aria-labelledby="group-add-heading">
            <CheckboxGroup
              id="group-add-members"
              legend="Members who also attended"
              options={candidates.map((member) => ({ value: member.id, label: member.displayName }))}
              selected={memberIds}
              onChange={setMemberIds}
              problems={problemsUnder(form.problems, 'memberIds')}
            />
            <button type="submit" className="button button-secondary" disabled={form.submitting}>
              {form.submitting ? 'Adding…' : 'Add to the group'}
            </button>
          </form>
        </>
      )}
    </>
  );
}

function SignPanel({ group, onChange }: GroupProps): JSX.Element {
  const action = useSubmission();
  const [outcomes, setOutcomes] = useState<GroupSignOutcome[] | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcomes !== null) summary.current?.focus();
  }, [outcomes]);
  const drafts = group.attendees.filter((attendee) => attendee.noteStatus === 'draft').length;
  return (
    <section aria-labelledby="group-sign-heading" className="panel">
      <h2 id="group-sign-heading">Sign</h2>
      <p>
        Signing locks each attendee’s note; later changes are addenda. Each note is signed on its own, under
        the same rules as any note: one that cannot be signed yet is listed with the reason, and the others
        are signed.
      </p>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />
      {drafts === 0 ? (
        <p>Every attendee’s note is signed.</p>
      ) : (
        <button
          type="button"
          className="button"
          disabled={action.submitting}
          onClick={() =>
            action.send(
              () => ok(api.POST('/api/v1/groups/{groupId}/sign', { params: groupParams(group), body: {} })),
              {
                afterSuccess: 'stay',
                onSuccess: (result) => {
                  setOutcomes(result.outcomes);
                  onChange(result.group);
                },
              },
            )
          }
        >
          {action.submitting
            ? 'Signing…'
            : `Sign ${drafts === 1 ? 'the attendee’s note' : `all ${drafts} attendees’ notes`}`}
        </button>
      )}
      {outcomes === null ? null : <SignOutcomes outcomes={outcomes} summary={summary} />}
    </section>
  );
}

function SignOutcomes({
  outcomes,
  summary,
}: {
  outcomes: GroupSignOutcome[];
  summary: RefObject<HTMLDivElement | null>;
}): JSX.Element {
  const signed = outcomes.filter((outcome) => outcome.outcome === 'signed').length;
  const blocked = outcomes.filter((outcome) => outcome.outcome === 'blocked');
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="status"
      className={blocked.length === 0 ? 'notice notice-success' : 'notice notice-error'}
    >
      <p>
        <strong>
          Signed {signed} {signed === 1 ? 'note' : 'notes'}.
          {blocked.length === 0 ? '' : ` ${blocked.length} could not be signed yet.`}
        </strong>
      </p>
      {blocked.length === 0 ? null : (
        <ul>
          {blocked.map((outcome) => (
            <li key={outcome.noteId}>
              {outcome.member.displayName}: {outcome.problems.map((problem) => problem.message).join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
