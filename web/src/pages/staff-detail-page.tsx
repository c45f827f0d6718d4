/**
 * @module web/pages/staff-detail-page
 * One staff member's credentials: their compliance under the payer packs (with the reasons), the credentials
 * themselves — a form for admins, read-only for everyone else — and the continuing-education log, where
 * staff add their own training and admins remove mistaken entries. A peer reaches their own page from
 * "My credentials"; the server decides who may see and change what, and the page follows its answer.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { JSX } from 'react';
import { useParams } from 'react-router';
import {
  AddContinuingEducationRequestSchema,
  CERTIFICATION_TYPES,
  CLINICAL_SUPERVISOR_QUALIFICATIONS,
  PEER_SPECIALIST_TAXONOMY,
  StaffProfileRequestSchema,
  certificationTypeLabel,
  clinicalSupervisorQualificationLabel,
} from '../../../src/shared/index.js';
import type {
  CertificationType,
  ClinicalSupervisorQualification,
  ContinuingEducationEntry,
  StaffDetail,
  StaffProfile,
  StaffProfileRequestInput,
} from '../../../src/shared/index.js';
import { api, apiQuery, ok, showChanged } from '../api/index.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxField, SelectField, TextField } from '../components/fields.js';
import { RecordPage } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import {
  CertificationBadge,
  ComplianceBadge,
  ComplianceFindings,
  packsCheckedText,
} from '../components/staff-compliance.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate } from '../lib/format.js';
import { usePayerName } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm, useSubmission } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

export function StaffDetailPage(): JSX.Element {
  const { userId = '' } = useParams();
  const session = useSignedInSession();
  // Back to the compliance list, for those who have one to go back to.
  const seesList = session.user.roles.some(
    (role) => role === 'admin' || role === 'supervisor' || role === 'billing',
  );
  const record = apiQuery('/api/v1/staff/{userId}', { path: { userId } });
  const staff = useQuery({ ...record, select: (answer) => answer.staff });
  // A change answers with the whole page as it now is; the compliance list may have changed with it.
  const onChange = (detail: StaffDetail): void => {
    showChanged(record, { staff: detail }, '/api/v1/staff');
  };

  return (
    <RecordPage
      query={staff}
      back={seesList ? { to: '/staff', label: 'Back to staff compliance' } : null}
      title="Credentials"
      what="the credentials"
      notFound={{
        title: 'Staff member not found',
        text: 'There is no staff member with this address whose credentials you can see.',
      }}
    >
      {(detail) => <StaffDetailView detail={detail} onChange={onChange} />}
    </RecordPage>
  );
}

/** The path of one staff member, for the calls that change their credentials. */
function staffPath(userId: string): { params: { path: { userId: string } } } {
  return { params: { path: { userId } } };
}

interface DetailProps {
  detail: StaffDetail;
  /** The page as the server returned it after a change. */
  onChange: (detail: StaffDetail) => void;
}

function StaffDetailView({ detail, onChange }: DetailProps): JSX.Element {
  const session = useSignedInSession();
  const { profile } = detail;
  const isSelf = session.user.id === profile.userId;
  const title = isSelf ? 'My credentials' : `Credentials of ${profile.displayName}`;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <CompliancePanel detail={detail} />
      {detail.permissions.editProfile ? (
        <CredentialsForm key={profile.userId} detail={detail} onChange={onChange} />
      ) : (
        <CredentialsFacts profile={profile} />
      )}
      <ContinuingEducationPanel detail={detail} onChange={onChange} />
    </>
  );
}

function CompliancePanel({ detail }: { detail: StaffDetail }): JSX.Element {
  const { compliance } = detail;
  const ce = compliance.continuingEducation;
  const payerName = usePayerName();
  return (
    <section aria-labelledby="compliance-heading" className="panel">
      <h2 id="compliance-heading">Compliance</h2>
      <p className="inline-list">
        <ComplianceBadge status={compliance.status} /> <CertificationBadge state={compliance.certification} />
      </p>
      <dl className="facts facts-wide">
        <div>
          <dt>Checked on</dt>
          <dd>{formatDate(compliance.asOf)}</dd>
        </div>
        <div>
          <dt>Payer rules</dt>
          <dd>
            {compliance.packs.length === 0 ? 'No programs yet' : packsCheckedText(compliance, payerName)}
          </dd>
        </div>
        <div>
          <dt>Continuing education this cycle</dt>
          <dd>
            {ce.hours} hours, {ce.lawAndEthicsHours} of them law and ethics
            {ce.cycleStart === null
              ? ''
              : `, since ${formatDate(ce.cycleStart)} (the certification’s issue date)`}
          </dd>
        </div>
      </dl>
      <h3>Findings</h3>
      <ComplianceFindings compliance={compliance} />
    </section>
  );
}

const NOT_RECORDED = 'Not recorded';

function dateOrNone(date: string | null): string {
  return date === null ? NOT_RECORDED : formatDate(date);
}

function CredentialsFacts({ profile }: { profile: StaffProfile }): JSX.Element {
  const facts: [string, string][] = [
    [
      'Certification',
      profile.certificationType === null ? 'None on file' : certificationTypeLabel(profile.certificationType),
    ],
    ['Certification number', profile.certificationNumber ?? NOT_RECORDED],
    ['Issued', dateOrNone(profile.certificationIssuedOn)],
    ['Expires', dateOrNone(profile.certificationExpiresOn)],
    ['NPI', profile.npi ?? NOT_RECORDED],
    ['Taxonomy', profile.taxonomy ?? NOT_RECORDED],
    ['Date of birth', dateOrNone(profile.dateOfBirth)],
    ['High-school diploma or equivalent', profile.highSchoolDiploma ? 'Yes' : 'No'],
    ['Lived experience (self-identified)', profile.livedExperience ? 'Yes' : 'No'],
    ['Background check', dateOrNone(profile.backgroundCheckOn)],
    ['Peer support supervisor', profile.supervisorName ?? 'None assigned'],
    [
      'Clinical supervisor',
      profile.clinicalSupervisorName === null || profile.clinicalSupervisorQualification === null
        ? 'None recorded'
        : `${profile.clinicalSupervisorName} — ${clinicalSupervisorQualificationLabel(profile.clinicalSupervisorQualification)}`,
    ],
  ];
  if (profile.roles.includes('supervisor')) {
    facts.push(
      ['Supervising since', dateOrNone(profile.supervisingSince)],
      ['Supervisor training completed', dateOrNone(profile.supervisorTrainingOn)],
    );
  }
  return (
    <section aria-labelledby="credentials-heading" className="panel">
      <h2 id="credentials-heading">Credentials</h2>
      <p className="field-hint">
        Only a program admin can change these. Ask one if something is out of date.
      </p>
      <dl className="facts facts-wide">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className="wrap-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The form's values: text as typed (empty = not recorded), yes/no as booleans. */
interface CredentialsDraft {
  certificationType: string;
  certificationNumber: string;
  certificationIssuedOn: string;
  certificationExpiresOn: string;
  npi: string;
  taxonomy: string;
  dateOfBirth: string;
  highSchoolDiploma: boolean;
  livedExperience: boolean;
  backgroundCheckOn: string;
  supervisorId: string;
  supervisingSince: string;
  supervisorTrainingOn: string;
  clinicalSupervisorName: string;
  clinicalSupervisorQualification: string;
}

/** The draft's text fields (the rest are checkboxes). */
type TextKey = {
  [K in keyof CredentialsDraft]: CredentialsDraft[K] extends string ? K : never;
}[keyof CredentialsDraft];

function draftOf(profile: StaffProfile): CredentialsDraft {
  return {
    certificationType: profile.certificationType ?? '',
    certificationNumber: profile.certificationNumber ?? '',
    certificationIssuedOn: profile.certificationIssuedOn ?? '',
    certificationExpiresOn: profile.certificationExpiresOn ?? '',
    npi: profile.npi ?? '',
    taxonomy: profile.taxonomy ?? '',
    dateOfBirth: profile.dateOfBirth ?? '',
    highSchoolDiploma: profile.highSchoolDiploma,
    livedExperience: profile.livedExperience,
    backgroundCheckOn: profile.backgroundCheckOn ?? '',
    supervisorId: profile.supervisorId ?? '',
    supervisingSince: profile.supervisingSince ?? '',
    supervisorTrainingOn: profile.supervisorTrainingOn ?? '',
    clinicalSupervisorName: profile.clinicalSupervisorName ?? '',
    clinicalSupervisorQualification: profile.clinicalSupervisorQualification ?? '',
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function requestOf(draft: CredentialsDraft): StaffProfileRequestInput {
  return {
    certificationType: orNull(draft.certificationType) as CertificationType | null,
    certificationNumber: orNull(draft.certificationNumber),
    certificationIssuedOn: orNull(draft.certificationIssuedOn),
    certificationExpiresOn: orNull(draft.certificationExpiresOn),
    npi: orNull(draft.npi),
    // Never filled in: an empty field saves no taxonomy, and California asks for one.
    taxonomy: orNull(draft.taxonomy),
    dateOfBirth: orNull(draft.dateOfBirth),
    highSchoolDiploma: draft.highSchoolDiploma,
    livedExperience: draft.livedExperience,
    backgroundCheckOn: orNull(draft.backgroundCheckOn),
    supervisorId: orNull(draft.supervisorId),
    supervisingSince: orNull(draft.supervisingSince),
    supervisorTrainingOn: orNull(draft.supervisorTrainingOn),
    clinicalSupervisorName: orNull(draft.clinicalSupervisorName),
    clinicalSupervisorQualification: orNull(
      draft.clinicalSupervisorQualification,
    ) as ClinicalSupervisorQualification | null,
  };
}

const CREDENTIAL_FIELD_IDS: Readonly<Record<keyof CredentialsDraft, string>> = {
  certificationType: 'staff-certification-type',
  certificationNumber: 'staff-certification-number',
  certificationIssuedOn: 'staff-certification-issued',
  certificationExpiresOn: 'staff-certification-expires',
  npi: 'staff-npi',
  taxonomy: 'staff-taxonomy',
  dateOfBirth: 'staff-date-of-birth',
  highSchoolDiploma: 'staff-diploma',
  livedExperience: 'staff-lived-experience',
  backgroundCheckOn: 'staff-background-check',
  supervisorId: 'staff-supervisor',
  supervisingSince: 'staff-supervising-since',
  supervisorTrainingOn: 'staff-supervisor-training',
  clinicalSupervisorName: 'staff-clinical-supervisor-name',
  clinicalSupervisorQualification: 'staff-clinical-supervisor-qualification',
};

const CLINICAL_SUPERVISOR_OPTIONS = [
  { value: '', label: 'None recorded' },
  ...CLINICAL_SUPERVISOR_QUALIFICATIONS.map((qualification) => ({
    value: qualification,
    label: clinicalSupervisorQualificationLabel(qualification),
  })),
];

const CERTIFICATION_OPTIONS = [
  { value: '', label: 'None on file' },
  ...CERTIFICATION_TYPES.map((type) => ({ value: type, label: certificationTypeLabel(type) })),
];

function CredentialsForm({ detail, onChange }: DetailProps): JSX.Element {
  const { profile } = detail;
  const [draft, setDraft] = useState<CredentialsDraft>(() => draftOf(profile));
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: StaffProfileRequestSchema,
    input: requestOf(draft),
    onAttempt: () => setSaved(null),
    send: async (body) =>
      (await ok(api.PUT('/api/v1/staff/{userId}', { ...staffPath(profile.userId), body }))).staff,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setDraft(draftOf(updated.profile));
      setSaved(
        `Saved the credentials of ${updated.profile.displayName}. The compliance above is up to date.`,
      );
      onChange(updated);
    },
  });
  const set =
    <K extends keyof CredentialsDraft>(field: K) =>
    (value: CredentialsDraft[K]): void =>
      setDraft((current) => ({ ...current, [field]: value }));
  const text = (field: TextKey, label: string, extra: { hint?: string; type?: string } = {}): JSX.Element => (
    <TextField
      id={CREDENTIAL_FIELD_IDS[field]}
      name={field}
      label={label}
      type={extra.type ?? 'text'}
      autoComplete="off"
      hint={extra.hint}
      value={draft[field]}
      onValueChange={set(field)}
      problems={problemsUnder(form.problems, field)}
    />
  );
  const supervisorOptions = [
    { value: '', label: 'None assigned' },
    ...detail.supervisorChoices.map((choice) => ({ value: choice.id, label: choice.displayName })),
  ];
  const isSupervisor = profile.roles.includes('supervisor');

  return (
    <section aria-labelledby="credentials-heading" className="panel">
      <h2 id="credentials-heading">Credentials</h2>
      <ErrorSummary problems={form.problems} fieldIds={CREDENTIAL_FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <fieldset className="fieldset">
          <legend className="field-label">Certification</legend>
          <SelectField
            id={CREDENTIAL_FIELD_IDS.certificationType}
            name="certificationType"
            label="Certification type"
            options={CERTIFICATION_OPTIONS}
            value={draft.certificationType}
            onValueChange={set('certificationType')}
            problems={problemsUnder(form.problems, 'certificationType')}
          />
          {text('certificationNumber', 'Certification number')}
          {text('certificationIssuedOn', 'Issue date', {
            type: 'date',
            hint: 'Record the new dates at each renewal: continuing education counts from the issue date.',
          })}
          {text('certificationExpiresOn', 'Expiry date', { type: 'date' })}
        </fieldset>
        {text('npi', 'NPI (individual)', { hint: 'Ten digits; the last one is a check digit.' })}
        {text('taxonomy', 'Taxonomy code', {
          hint: `${PEER_SPECIALIST_TAXONOMY} is the peer specialist taxonomy.`,
        })}
        {text('dateOfBirth', 'Date of birth', { type: 'date' })}
        <CheckboxField
          id={CREDENTIAL_FIELD_IDS.highSchoolDiploma}
          label="High-school diploma or equivalent (e.g. GED)"
          checked={draft.highSchoolDiploma}
          onCheckedChange={set('highSchoolDiploma')}
          problems={problemsUnder(form.problems, 'highSchoolDiploma')}
        />
        <CheckboxField
          id={CREDENTIAL_FIELD_IDS.livedExperience}
          label="Self-identifies as having lived experience of recovery"
          checked={draft.livedExperience}
          onCheckedChange={set('livedExperience')}
          problems={problemsUnder(form.problems, 'livedExperience')}
        />
        {text('backgroundCheckOn', 'Background check date', { type: 'date' })}
        <SelectField
          id={CREDENTIAL_FIELD_IDS.supervisorId}
          name="supervisorId"
          label="Peer support supervisor"
          options={supervisorOptions}
          value={draft.supervisorId}
          onValueChange={set('supervisorId')}
          problems={problemsUnder(form.problems, 'supervisorId')}
        />
        <fieldset className="fieldset">
          <legend className="field-label">Clinical supervision</legend>
          {text('clinicalSupervisorName', 'Clinical supervisor', {
            hint: 'Who gives the peer regularly scheduled clinical supervision: name and credential (Kansas).',
          })}
          <SelectField
            id={CREDENTIAL_FIELD_IDS.clinicalSupervisorQualification}
            name="clinicalSupervisorQualification"
            label="Clinical supervisor’s qualification"
            options={CLINICAL_SUPERVISOR_OPTIONS}
            value={draft.clinicalSupervisorQualification}
            onValueChange={set('clinicalSupervisorQualification')}
            problems={problemsUnder(form.problems, 'clinicalSupervisorQualification')}
          />
        </fieldset>
        {isSupervisor ? (
          <fieldset className="fieldset">
            <legend className="field-label">Supervising peers</legend>
            {text('supervisingSince', 'Started supervising on', { type: 'date' })}
            {text('supervisorTrainingOn', 'Supervisor training completed on', { type: 'date' })}
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Saving…' : 'Save credentials'}
        </button>
      </form>
      <StatusMessage message={saved} />
    </section>
  );
}

const CE_FIELD_IDS = {
  completedOn: 'ce-completed-on',
  title: 'ce-title',
  provider: 'ce-provider',
  hours: 'ce-hours',
  lawAndEthicsHours: 'ce-law-and-ethics',
} as const;

/** Hours as typed: empty is "not given"; anything else is read as a number (NaN when it is not one). */
function hoursOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

function ContinuingEducationPanel({ detail, onChange }: DetailProps): JSX.Element {
  const entries = detail.continuingEducation;
  const [removing, setRemoving] = useState<ContinuingEducationEntry | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const removedMessage = useRef<HTMLParagraphElement>(null);
  const action = useSubmission();

  // The Remove button just used is gone with its row: keep focus on the outcome instead of losing it.
  useEffect(() => {
    if (removed !== null) {
      removedMessage.current?.focus();
    }
  }, [removed]);

  const remove = (entry: ContinuingEducationEntry): void => {
    setRemoving(null);
    setRemoved(null);
    const path = { userId: detail.profile.userId, entryId: entry.id };
    const entryPath = '/api/v1/staff/{userId}/continuing-education/{entryId}';
    action.send(async () => (await ok(api.DELETE(entryPath, { params: { path }, body: {} }))).staff, {
      afterSuccess: 'stay',
      onSuccess: (updated) => {
        setRemoved(`Removed “${entry.title}”.`);
        onChange(updated);
      },
    });
  };

  return (
    <section aria-labelledby="ce-heading" className="panel">
      <h2 id="ce-heading">Continuing education</h2>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />
      {entries.length === 0 ? (
        <p>No training recorded yet.</p>
      ) : (
        <ContinuingEducationTable
          entries={entries}
          onRemove={detail.permissions.removeContinuingEducation ? setRemoving : null}
          busy={action.submitting}
        />
      )}
      <StatusMessage message={removed} ref={removedMessage} />
      <ConfirmDialog
        open={removing !== null}
        title="Remove this training?"
        confirmLabel="Yes, remove"
        destructive
        onConfirm={() => {
          if (removing !== null) remove(removing);
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>
          “{removing?.title}” ({removing === null ? '' : formatDate(removing.completedOn)}) will no longer
          count towards this cycle’s continuing education.
        </p>
      </ConfirmDialog>
      {detail.permissions.addContinuingEducation ? (
        <AddContinuingEducationForm userId={detail.profile.userId} onChange={onChange} />
      ) : null}
    </section>
  );
}

function ContinuingEducationTable({
  entries,
  onRemove,
  busy,
}: {
  entries: readonly ContinuingEducationEntry[];
  /** Asks to remove an entry; null when the user may not remove entries. */
  onRemove: ((entry: ContinuingEducationEntry) => void) | null;
  busy: boolean;
}): JSX.Element {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId}>Training completed ({entries.length})</caption>
        <thead>
          <tr>
            <th scope="col">Completed</th>
            <th scope="col">Title</th>
            <th scope="col">Provider</th>
            <th scope="col" className="numeric">
              Hours
            </th>
            <th scope="col" className="numeric">
              Law and ethics
            </th>
            {onRemove === null ? null : <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDate(entry.completedOn)}</td>
              <th scope="row">{entry.title}</th>
              <td>{entry.provider}</td>
              <td className="numeric">{entry.hours}</td>
              <td className="numeric">{entry.lawAndEthicsHours}</td>
              {onRemove === null ? null : (
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy}
                    onClick={() => onRemove(entry)}
                  >
                    Remove<span className="visually-hidden"> {entry.title}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddContinuingEducationForm({
  userId,
  onChange,
}: {
  userId: string;
  onChange: (detail: StaffDetail) => void;
}): JSX.Element {
  const [completedOn, setCompletedOn] = useState('');
  const [title, setTitle] = useState('');
  const [provider, setProvider] = useState('');
  const [hours, setHours] = useState('');
  const [lawAndEthicsHours, setLawAndEthicsHours] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: AddContinuingEducationRequestSchema,
    // Missing hours are NaN, which the schema refuses with its "enter the hours as a number" message.
    input: {
      completedOn,
      title,
      provider,
      hours: hoursOf(hours) ?? Number.NaN,
      lawAndEthicsHours: hoursOf(lawAndEthicsHours),
    },
    onAttempt: () => setAdded(null),
    send: async (body) =>
      (await ok(api.POST('/api/v1/staff/{userId}/continuing-education', { ...staffPath(userId), body })))
        .staff,
    afterSuccess: 'stay',
    onSuccess: (updated) => {
      setAdded(`Added “${title.trim()}”.`);
      setCompletedOn('');
      setTitle('');
      setProvider('');
      setHours('');
      setLawAndEthicsHours('');
      onChange(updated);
    },
  });

  return (
    <>
      <h3 id="add-ce-heading">Add training</h3>
      <ErrorSummary problems={form.problems} fieldIds={CE_FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form" aria-labelledby="add-ce-heading">
        <TextField
          id={CE_FIELD_IDS.completedOn}
          name="completedOn"
          label="Completed on"
          type="date"
          value={completedOn}
          onValueChange={setCompletedOn}
          problems={problemsUnder(form.problems, 'completedOn')}
        />
        <TextField
          id={CE_FIELD_IDS.title}
          name="title"
          label="Title"
          autoComplete="off"
          value={title}
          onValueChange={setTitle}
          problems={problemsUnder(form.problems, 'title')}
        />
        <TextField
          id={CE_FIELD_IDS.provider}
          name="provider"
          label="Provider"
          hint="Who gave the training, e.g. CalMHSA."
          autoComplete="off"
          value={provider}
          onValueChange={setProvider}
          problems={problemsUnder(form.problems, 'provider')}
        />
        <TextField
          id={CE_FIELD_IDS.hours}
          name="hours"
          label="Hours"
          inputMode="decimal"
          autoComplete="off"
          value={hours}
          onValueChange={setHours}
          problems={problemsUnder(form.problems, 'hours')}
        />
        <TextField
          id={CE_FIELD_IDS.lawAndEthicsHours}
          name="lawAndEthicsHours"
          label="Of which law and ethics (hours)"
          hint="Leave empty if none."
          inputMode="decimal"
          autoComplete="off"
          value={lawAndEthicsHours}
          onValueChange={setLawAndEthicsHours}
          problems={problemsUnder(form.problems, 'lawAndEthicsHours')}
        />
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Adding…' : 'Add training'}
        </button>
      </form>
      <StatusMessage message={added} />
    </>
  );
}
