/**
 * @module web/components/member-sections
 * The parts of a member's record on the member page — contacts, coverage, eligibility checks, eligibility
 * criteria (Kansas), diagnoses, episodes of care and consents — each a list with its own add form, and edit,
 * remove or revoke where the part allows it. What the signed-in user may change comes from the record's `access` (the server enforces
 * the same): billing staff change coverage and eligibility only. Every save answers with the whole record,
 * which replaces the page's copy.
 */
import { useEffect, useRef, useState } from 'react';
import type { JSX, ReactNode } from 'react';
import { z } from 'zod';
import {
  ConsentRequestSchema,
  ContactRequestSchema,
  CoverageRequestSchema,
  DiagnosisRequestSchema,
  EligibilityCheckRequestSchema,
  EligibilityDeterminationRequestSchema,
  EpisodeRequestSchema,
  OutsideGroupHoursRequestSchema,
  RevokeConsentRequestSchema,
  consentKindLabel,
  contactKindLabel,
  diagnosisCategoryLabel,
  eligibilityCriterionLabel,
  eligibilityResultLabel,
} from '../../../src/shared/index.js';
import type {
  Consent,
  Contact,
  Coverage,
  Diagnosis,
  EligibilityDetermination,
  Episode,
  MemberRecord,
  OutsideGroupHours,
  Payer,
  Program,
} from '../../../src/shared/index.js';
import { api, ok } from '../api/index.js';
import { formatDate, todayLocalDate } from '../lib/format.js';
import { payerChoices, payerName, usePayers } from '../lib/payers.js';
import { useSubmission } from '../lib/use-schema-form.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { ErrorSummary } from './error-summary.js';
import {
  CONSENT_KIND_OPTIONS,
  CONTACT_KIND_OPTIONS,
  DIAGNOSIS_CATEGORY_OPTIONS,
  ELIGIBILITY_CRITERION_OPTIONS,
  ELIGIBILITY_RESULT_OPTIONS,
  RecordForm,
  formatPhone,
  textValues,
  useFocusAfterClose,
  type RecordField,
} from './member-parts.js';
import { StatusMessage } from './status-message.js';

/** The member's record as the server answers every change to one of its parts. */
export async function recordAfter(
  pending: Promise<{ data?: { member: MemberRecord }; response: Response }>,
): Promise<MemberRecord> {
  return (await ok(pending)).member;
}

/** The path parameters of the member, or of one row of a part of the record. */
export function memberParams(member: MemberRecord): { path: { memberId: string } } {
  return { path: { memberId: member.id } };
}
function rowParams(member: MemberRecord, recordId: string): { path: { memberId: string; recordId: string } } {
  return { path: { memberId: member.id, recordId } };
}

export interface MemberSectionProps {
  member: MemberRecord;
  /** The record as the server returned it after a change. */
  onChange: (member: MemberRecord) => void;
}

/** The add form's key in a section's open-form state (row ids are UUIDs, so they never clash). */
const NEW = 'new';

const choose = (what: string) => ({ value: '', label: `Choose ${what}…` });

/** "Jan 1, 2026 – ongoing" */
function period(from: string, to: string | null): string {
  return `${formatDate(from)} – ${to === null ? 'ongoing' : formatDate(to)}`;
}

interface ListSectionProps<T extends { id: string }> {
  /** Section id, also the prefix of its form field ids. */
  id: string;
  title: string;
  intro?: ReactNode;
  items: readonly T[];
  empty: string;
  describe: (item: T) => ReactNode;
  /** Whether the signed-in user may change this part. */
  canChange: boolean;
  addLabel: string;
  /** The add form, or the edit form of `item`; `done` closes it and reports what was saved. */
  form: (done: (member: MemberRecord, message: string) => void, cancel: () => void, item?: T) => ReactNode;
  /** Rows that can be edited (by default, none: only added). */
  editable?: boolean;
  /** Actions beside each row other than Edit (Remove, Revoke). */
  actions?: (item: T, done: (member: MemberRecord, message: string) => void) => ReactNode;
  onChange: (member: MemberRecord) => void;
}

/** One part of the record: its rows, each with its actions, and the add form behind a button. */
function ListSection<T extends { id: string }>({
  id,
  title,
  intro,
  items,
  empty,
  describe,
  canChange,
  addLabel,
  form,
  editable = false,
  actions,
  onChange,
}: ListSectionProps<T>): JSX.Element {
  // Which form is open: NEW (the add form), a row's id (its edit form), or none.
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const focusAfterClose = useFocusAfterClose();
  const done = (member: MemberRecord, message: string): void => {
    setOpen(null);
    setSaved(message);
    focusAfterClose.closed('saved');
    onChange(member);
  };
  const cancel = (): void => {
    setOpen(null);
    focusAfterClose.closed('cancelled');
  };
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="panel member-section">
      <h2 id={headingId} ref={focusAfterClose.heading} tabIndex={-1}>
        {title}
      </h2>
      {intro}
      {items.length === 0 ? <p>{empty}</p> : null}
      {items.length === 0 ? null : (
        <ul className="record-list">
          {items.map((item) => (
            <li key={item.id} className="record-item">
              {open === item.id ? (
                form(done, cancel, item)
              ) : (
                <>
                  <div className="record-text">{describe(item)}</div>
                  {canChange ? (
                    <div className="record-actions">
                      {editable ? (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setSaved(null);
                            setOpen(item.id);
                          }}
                        >
                          Edit<span className="visually-hidden"> {title.toLowerCase()} entry</span>
                        </button>
                      ) : null}
                      {actions?.(item, done)}
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={saved} ref={focusAfterClose.message} />
      {canChange && open === NEW ? (
        <div className="record-new">
          <h3>{addLabel}</h3>
          {form(done, cancel)}
        </div>
      ) : null}
      {canChange && open !== NEW ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setSaved(null);
            setOpen(NEW);
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </section>
  );
}

/** A Remove button behind a confirmation, for rows entered in error. */
function RemoveAction({
  label,
  what,
  remove,
  done,
}: {
  /** Names the row in the button's accessible name and the dialog. */
  label: string;
  what: string;
  remove: () => Promise<MemberRecord>;
  done: (member: MemberRecord, message: string) => void;
}): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const action = useSubmission();
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={action.submitting}
        onClick={() => setConfirming(true)}
      >
        Remove<span className="visually-hidden"> {label}</span>
      </button>
      <ErrorSummary problems={action.problems} focusKey={action.focusKey} />
      <ConfirmDialog
        open={confirming}
        title={`Remove this ${what}?`}
        confirmLabel="Yes, remove"
        destructive
        onConfirm={() => {
          setConfirming(false);
          action.send(remove, {
            afterSuccess: 'stay',
            onSuccess: (member) => done(member, `Removed ${label}.`),
          });
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {label} will be removed from the record. Remove only what was entered in error; the audit log keeps
          a note of the change.
        </p>
      </ConfirmDialog>
    </>
  );
}

const CONTACT_FIELDS: readonly RecordField[] = [
  {
    name: 'kind',
    label: 'Kind of contact',
    kind: 'select',
    options: [choose('a kind'), ...CONTACT_KIND_OPTIONS],
  },
  { name: 'name', label: 'Name', kind: 'text' },
  {
    name: 'relationship',
    label: 'Relationship',
    kind: 'text',
    optional: true,
    hint: 'For example mother, sponsor.',
  },
  { name: 'phone', label: 'Phone', kind: 'tel', optional: true },
  { name: 'email', label: 'Email', kind: 'email', optional: true },
];

export function ContactsSection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection<Contact>
      id="contacts"
      title="Contacts"
      items={member.contacts}
      empty="No guardian, family or significant support contacts recorded."
      describe={(contact) => (
        <>
          <strong>{contact.name}</strong> — {contactKindLabel(contact.kind)}
          {contact.relationship === null ? '' : ` (${contact.relationship})`}
          {contact.phone === null ? null : <span className="record-meta">{formatPhone(contact.phone)}</span>}
          {contact.email === null ? null : <span className="record-meta wrap-anywhere">{contact.email}</span>}
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Add a contact"
      editable
      form={(done, cancel, contact) => (
        <RecordForm
          idPrefix={`contact-${contact?.id ?? 'new'}`}
          fields={CONTACT_FIELDS}
          schema={ContactRequestSchema}
          initial={
            contact === undefined
              ? { kind: '', name: '', relationship: '', phone: '', email: '' }
              : textValues({ ...contact, id: null })
          }
          submitLabel={contact === undefined ? 'Add contact' : 'Save contact'}
          send={(body) =>
            contact === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/contacts', { params: memberParams(member), body }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/contacts/{recordId}', {
                    params: rowParams(member, contact.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(saved, contact === undefined ? 'Added the contact.' : 'Saved the contact.')
          }
          onCancel={cancel}
        />
      )}
      actions={(contact, done) => (
        <RemoveAction
          label={`contact ${contact.name}`}
          what="contact"
          remove={() =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/contacts/{recordId}/remove', {
                params: rowParams(member, contact.id),
                body: {},
              }),
            )
          }
          done={done}
        />
      )}
      onChange={onChange}
    />
  );
}

/** The coverage fields, the payer chosen from those the server has rules for. */
const coverageFields = (payers: readonly Payer[]): readonly RecordField[] => [
  {
    name: 'payerPack',
    label: 'Payer',
    kind: 'select',
    options: [choose('a payer'), ...payerChoices(payers)],
  },
  { name: 'planName', label: 'Plan name', kind: 'text', hint: 'As on the member’s card, e.g. Medi-Cal.' },
  { name: 'memberNumber', label: 'Member number', kind: 'text', hint: 'The member’s id with this plan.' },
  { name: 'from', label: 'Covered from', kind: 'date' },
  {
    name: 'to',
    label: 'Covered until',
    kind: 'date',
    optional: true,
    hint: 'Leave blank while it continues.',
  },
];

export function CoverageSection({ member, onChange }: MemberSectionProps): JSX.Element {
  const payers = usePayers();
  return (
    <ListSection<Coverage>
      id="coverage"
      title="Coverage"
      intro={<p>The payer whose rules a service is judged by is the coverage in force on its date.</p>}
      items={member.coverage}
      empty="No coverage recorded: services cannot be previewed as claims until there is."
      describe={(coverage) => (
        <>
          <strong>{payerName(payers, coverage.payerPack)}</strong> — {coverage.planName}
          <span className="record-meta">Member number {coverage.memberNumber}</span>
          <span className="record-meta">{period(coverage.from, coverage.to)}</span>
        </>
      )}
      canChange={member.access.canEditCoverage}
      addLabel="Add coverage"
      editable
      form={(done, cancel, coverage) => (
        <RecordForm
          idPrefix={`coverage-${coverage?.id ?? 'new'}`}
          fields={coverageFields(payers)}
          schema={CoverageRequestSchema}
          initial={
            coverage === undefined
              ? { payerPack: '', planName: '', memberNumber: member.medicaidId ?? '', from: '', to: '' }
              : textValues({ ...coverage, id: null })
          }
          submitLabel={coverage === undefined ? 'Add coverage' : 'Save coverage'}
          send={(body) =>
            coverage === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/coverage', { params: memberParams(member), body }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/coverage/{recordId}', {
                    params: rowParams(member, coverage.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(saved, coverage === undefined ? 'Added the coverage.' : 'Saved the coverage.')
          }
          onCancel={cancel}
        />
      )}
      actions={(coverage, done) => (
        <RemoveAction
          label={`${payerName(payers, coverage.payerPack)} coverage from ${formatDate(coverage.from)}`}
          what="coverage period"
          remove={() =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/coverage/{recordId}/remove', {
                params: rowParams(member, coverage.id),
                body: {},
              }),
            )
          }
          done={done}
        />
      )}
      onChange={onChange}
    />
  );
}

const ELIGIBILITY_FIELDS: readonly RecordField[] = [
  { name: 'checkedOn', label: 'Checked on', kind: 'date' },
  {
    name: 'result',
    label: 'Result',
    kind: 'select',
    options: [choose('a result'), ...ELIGIBILITY_RESULT_OPTIONS],
  },
  { name: 'source', label: 'Source', kind: 'text', hint: 'Where the answer came from, e.g. Medi-Cal AEVS.' },
];

export function EligibilitySection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection
      id="eligibility"
      title="Eligibility checks"
      items={member.eligibilityChecks}
      empty="No eligibility checks recorded."
      describe={(check) => (
        <>
          <strong>{formatDate(check.checkedOn)}</strong>: {eligibilityResultLabel(check.result)} —{' '}
          {check.source}
          <span className="record-meta">Checked by {check.checkedBy.displayName}</span>
        </>
      )}
      canChange={member.access.canEditCoverage}
      addLabel="Record an eligibility check"
      form={(done, cancel) => (
        <RecordForm
          idPrefix="eligibility-new"
          fields={ELIGIBILITY_FIELDS}
          schema={EligibilityCheckRequestSchema}
          initial={{ checkedOn: todayLocalDate(), result: '', source: '' }}
          submitLabel="Record check"
          send={(body) =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/eligibility-checks', {
                params: memberParams(member),
                body,
              }),
            )
          }
          onSaved={(saved) => done(saved, 'Recorded the eligibility check.')}
          onCancel={cancel}
        />
      )}
      onChange={onChange}
    />
  );
}

const DETERMINATION_FIELDS: readonly RecordField[] = [
  {
    name: 'criterion',
    label: 'Criterion',
    kind: 'select',
    options: [choose('a criterion'), ...ELIGIBILITY_CRITERION_OPTIONS],
  },
  { name: 'determinedOn', label: 'Determined on', kind: 'date' },
  {
    name: 'determinedBy',
    label: 'Determined by',
    kind: 'text',
    hint: 'Their name and credential, e.g. Dana Reyes, LMHP.',
  },
];

/**
 * Eligibility criteria the member was found to meet, with the date and who determined them (Kansas 003:
 * functional assessment criteria for the target population; medical necessity for rehabilitation services).
 */
export function EligibilityDeterminationsSection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection<EligibilityDetermination>
      id="determinations"
      title="Eligibility criteria"
      intro={
        <p>
          Kansas pays for peer support only for members found to meet the functional assessment criteria and
          the medical necessity criteria: record each with the date it was determined and who determined it.
        </p>
      }
      items={member.eligibilityDeterminations}
      empty="No eligibility criteria recorded."
      describe={(determination) => (
        <>
          <strong>{eligibilityCriterionLabel(determination.criterion)}</strong> since{' '}
          {formatDate(determination.determinedOn)} — determined by {determination.determinedBy}
          <span className="record-meta">Recorded by {determination.recordedBy.displayName}</span>
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Record an eligibility criterion"
      editable
      form={(done, cancel, determination) => (
        <RecordForm
          idPrefix={`determination-${determination?.id ?? 'new'}`}
          fields={DETERMINATION_FIELDS}
          schema={EligibilityDeterminationRequestSchema}
          initial={
            determination === undefined
              ? { criterion: '', determinedOn: todayLocalDate(), determinedBy: '' }
              : {
                  criterion: determination.criterion,
                  determinedOn: determination.determinedOn,
                  determinedBy: determination.determinedBy,
                }
          }
          submitLabel={determination === undefined ? 'Record criterion' : 'Save criterion'}
          send={(body) =>
            determination === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/eligibility-determinations', {
                    params: memberParams(member),
                    body,
                  }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/eligibility-determinations/{recordId}', {
                    params: rowParams(member, determination.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(
              saved,
              determination === undefined
                ? 'Recorded the eligibility criterion.'
                : 'Saved the eligibility criterion.',
            )
          }
          onCancel={cancel}
        />
      )}
      actions={(determination, done) => (
        <RemoveAction
          label={`${eligibilityCriterionLabel(determination.criterion).toLowerCase()} (${formatDate(determination.determinedOn)})`}
          what="eligibility criterion"
          remove={() =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/eligibility-determinations/{recordId}/remove', {
                params: rowParams(member, determination.id),
                body: {},
              }),
            )
          }
          done={done}
        />
      )}
      onChange={onChange}
    />
  );
}

const OUTSIDE_HOURS_FIELDS: readonly RecordField[] = [
  { name: 'deliveredOn', label: 'Delivered on', kind: 'date' },
  { name: 'hours', label: 'Hours', kind: 'text', hint: 'For example 1.5 for an hour and a half.' },
  {
    name: 'source',
    label: 'Source',
    kind: 'text',
    hint: 'Where the hours come from, e.g. the provider’s attendance record.',
  },
];

/** The form holds the hours as typed; the shared schema checks them as a number. */
const OutsideHoursFormSchema = OutsideGroupHoursRequestSchema.extend({
  hours: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : undefined),
    OutsideGroupHoursRequestSchema.shape.hours,
  ),
});

/**
 * Group psychosocial rehabilitation hours the member had outside Peerline (Kansas 003: the 750 group hours a
 * calendar year are "a combination of group psychosocial rehabilitation and group peer support"), which count
 * toward the member's group hours in the claim preview and billing.
 */
export function OutsideGroupHoursSection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection<OutsideGroupHours>
      id="outside-hours"
      title="Group hours elsewhere"
      intro={
        <p>
          Kansas counts group psychosocial rehabilitation the member had with other providers toward the 750
          group hours a calendar year: record each day’s hours and where they come from.
        </p>
      }
      items={member.outsideGroupHours}
      empty="No group hours from elsewhere recorded."
      describe={(entry) => (
        <>
          <strong>{formatDate(entry.deliveredOn)}</strong>: {entry.hours} hours — {entry.source}
          <span className="record-meta">Recorded by {entry.recordedBy.displayName}</span>
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Record group hours from elsewhere"
      editable
      form={(done, cancel, entry) => (
        <RecordForm
          idPrefix={`outside-hours-${entry?.id ?? 'new'}`}
          fields={OUTSIDE_HOURS_FIELDS}
          schema={OutsideHoursFormSchema}
          initial={
            entry === undefined
              ? { deliveredOn: todayLocalDate(), hours: '', source: '' }
              : { deliveredOn: entry.deliveredOn, hours: String(entry.hours), source: entry.source }
          }
          submitLabel={entry === undefined ? 'Record hours' : 'Save hours'}
          send={(body) =>
            entry === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/outside-group-hours', {
                    params: memberParams(member),
                    body,
                  }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/outside-group-hours/{recordId}', {
                    params: rowParams(member, entry.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(saved, entry === undefined ? 'Recorded the group hours.' : 'Saved the group hours.')
          }
          onCancel={cancel}
        />
      )}
      actions={(entry, done) => (
        <RemoveAction
          label={`${entry.hours} group hours on ${formatDate(entry.deliveredOn)}`}
          what="entry of group hours"
          remove={() =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/outside-group-hours/{recordId}/remove', {
                params: rowParams(member, entry.id),
                body: {},
              }),
            )
          }
          done={done}
        />
      )}
      onChange={onChange}
    />
  );
}

const DIAGNOSIS_FIELDS: readonly RecordField[] = [
  { name: 'code', label: 'ICD-10-CM code', kind: 'text', hint: 'For example F33.1 or F10.20.' },
  { name: 'description', label: 'Description', kind: 'text' },
  {
    name: 'category',
    label: 'Category',
    kind: 'select',
    options: [choose('a category'), ...DIAGNOSIS_CATEGORY_OPTIONS],
  },
  { name: 'recordedOn', label: 'Recorded on', kind: 'date' },
  {
    name: 'resolvedOn',
    label: 'Resolved on',
    kind: 'date',
    optional: true,
    hint: 'Leave blank while it applies.',
  },
];

export function DiagnosesSection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection<Diagnosis>
      id="diagnoses"
      title="Diagnoses"
      items={member.diagnoses}
      empty="No diagnoses recorded."
      describe={(diagnosis) => (
        <>
          <strong>{diagnosis.code}</strong> {diagnosis.description}
          <span className="record-meta">{diagnosisCategoryLabel(diagnosis.category)}</span>
          <span className="record-meta">
            {diagnosis.resolvedOn === null
              ? `Since ${formatDate(diagnosis.recordedOn)}`
              : `${period(diagnosis.recordedOn, diagnosis.resolvedOn)} (resolved)`}
          </span>
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Add a diagnosis"
      editable
      form={(done, cancel, diagnosis) => (
        <RecordForm
          idPrefix={`diagnosis-${diagnosis?.id ?? 'new'}`}
          fields={DIAGNOSIS_FIELDS}
          schema={DiagnosisRequestSchema}
          initial={
            diagnosis === undefined
              ? { code: '', description: '', category: '', recordedOn: todayLocalDate(), resolvedOn: '' }
              : textValues({ ...diagnosis, id: null })
          }
          submitLabel={diagnosis === undefined ? 'Add diagnosis' : 'Save diagnosis'}
          send={(body) =>
            diagnosis === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/diagnoses', { params: memberParams(member), body }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/diagnoses/{recordId}', {
                    params: rowParams(member, diagnosis.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(saved, diagnosis === undefined ? 'Added the diagnosis.' : 'Saved the diagnosis.')
          }
          onCancel={cancel}
        />
      )}
      actions={(diagnosis, done) => (
        <RemoveAction
          label={`diagnosis ${diagnosis.code}`}
          what="diagnosis"
          remove={() =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/diagnoses/{recordId}/remove', {
                params: rowParams(member, diagnosis.id),
                body: {},
              }),
            )
          }
          done={done}
        />
      )}
      onChange={onChange}
    />
  );
}

export function EpisodesSection({
  member,
  onChange,
  programs,
}: MemberSectionProps & { programs: readonly Program[] }): JSX.Element {
  const fields: RecordField[] = [
    {
      name: 'programId',
      label: 'Program',
      kind: 'select',
      options: [
        choose('a program'),
        ...programs.map((program) => ({ value: program.id, label: program.name })),
      ],
    },
    { name: 'admittedOn', label: 'Admitted on', kind: 'date' },
    { name: 'dischargedOn', label: 'Discharged on', kind: 'date', optional: true },
    { name: 'assessmentOn', label: 'Comprehensive clinical assessment on', kind: 'date', optional: true },
    {
      name: 'assessmentClinician',
      label: 'Assessed by',
      kind: 'text',
      optional: true,
      hint: 'The licensed clinician, e.g. “Dana Reyes, LCSW”.',
    },
    { name: 'serviceOrderOn', label: 'Service order on', kind: 'date', optional: true },
    {
      name: 'serviceOrderClinician',
      label: 'Service ordered by',
      kind: 'text',
      optional: true,
      hint: 'The clinician who ordered peer support as medically necessary (North Carolina asks for it).',
    },
    {
      name: 'serviceOrderCredential',
      label: 'Their credential',
      kind: 'text',
      optional: true,
      hint: 'e.g. MD, LCSW, LCAS.',
    },
  ];
  return (
    <ListSection<Episode>
      id="episodes"
      title="Episodes of care"
      items={member.episodes}
      empty="No episodes of care recorded."
      describe={(episode) => (
        <>
          <strong>{episode.program.name}</strong>
          <span className="record-meta">{period(episode.admittedOn, episode.dischargedOn)}</span>
          <span className="record-meta">
            {episode.assessmentOn === null
              ? 'No comprehensive assessment recorded'
              : `Assessed ${formatDate(episode.assessmentOn)}${
                  episode.assessmentClinician === null ? '' : ` by ${episode.assessmentClinician}`
                }`}
          </span>
          <span className="record-meta">{serviceOrderText(episode)}</span>
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Add an episode of care"
      editable
      form={(done, cancel, episode) => (
        <RecordForm
          idPrefix={`episode-${episode?.id ?? 'new'}`}
          fields={fields}
          schema={EpisodeRequestSchema}
          initial={
            episode === undefined
              ? {
                  programId: member.program.id,
                  admittedOn: todayLocalDate(),
                  dischargedOn: '',
                  assessmentOn: '',
                  assessmentClinician: '',
                  serviceOrderOn: '',
                  serviceOrderClinician: '',
                  serviceOrderCredential: '',
                }
              : textValues({
                  programId: episode.program.id,
                  admittedOn: episode.admittedOn,
                  dischargedOn: episode.dischargedOn,
                  assessmentOn: episode.assessmentOn,
                  assessmentClinician: episode.assessmentClinician,
                  serviceOrderOn: episode.serviceOrderOn,
                  serviceOrderClinician: episode.serviceOrderClinician,
                  serviceOrderCredential: episode.serviceOrderCredential,
                })
          }
          submitLabel={episode === undefined ? 'Add episode' : 'Save episode'}
          send={(body) =>
            episode === undefined
              ? recordAfter(
                  api.POST('/api/v1/members/{memberId}/episodes', { params: memberParams(member), body }),
                )
              : recordAfter(
                  api.PATCH('/api/v1/members/{memberId}/episodes/{recordId}', {
                    params: rowParams(member, episode.id),
                    body,
                  }),
                )
          }
          onSaved={(saved) =>
            done(saved, episode === undefined ? 'Added the episode.' : 'Saved the episode.')
          }
          onCancel={cancel}
        />
      )}
      onChange={onChange}
    />
  );
}

const CONSENT_FIELDS: readonly RecordField[] = [
  { name: 'kind', label: 'Consent', kind: 'select', options: [choose('a consent'), ...CONSENT_KIND_OPTIONS] },
  { name: 'givenOn', label: 'Given on', kind: 'date' },
  { name: 'expiresOn', label: 'Expires on', kind: 'date', optional: true },
  {
    name: 'details',
    label: 'Details',
    kind: 'textarea',
    optional: true,
    hint: 'For a release of information: to whom, and what may be shared.',
  },
];

function consentStatus(consent: Consent): string {
  if (consent.revokedOn !== null) {
    return `Revoked ${formatDate(consent.revokedOn)}`;
  }
  return consent.expiresOn === null ? 'No expiry' : `Expires ${formatDate(consent.expiresOn)}`;
}

/** Revoke: the date the member withdrew the consent. */
function RevokeAction({
  member,
  consent,
  done,
}: {
  member: MemberRecord;
  consent: Consent;
  done: (member: MemberRecord, message: string) => void;
}): JSX.Element | null {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // After Cancel, focus returns to the Revoke button that opened the form.
  useEffect(() => {
    if (!open && wasOpen.current) {
      button.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);
  if (consent.revokedOn !== null) {
    return null;
  }
  if (!open) {
    return (
      <button
        ref={button}
        type="button"
        className="button button-secondary button-small"
        onClick={() => setOpen(true)}
      >
        Revoke<span className="visually-hidden"> {consentKindLabel(consent.kind)} consent</span>
      </button>
    );
  }
  return (
    <RecordForm
      idPrefix={`revoke-${consent.id}`}
      fields={[{ name: 'revokedOn', label: 'Revoked on', kind: 'date' }]}
      schema={RevokeConsentRequestSchema}
      initial={{ revokedOn: todayLocalDate() }}
      submitLabel="Revoke consent"
      send={(body) =>
        recordAfter(
          api.POST('/api/v1/members/{memberId}/consents/{recordId}/revoke', {
            params: rowParams(member, consent.id),
            body,
          }),
        )
      }
      onSaved={(saved) =>
        done(saved, `Recorded that the ${consentKindLabel(consent.kind)} consent was revoked.`)
      }
      onCancel={() => setOpen(false)}
    />
  );
}

export function ConsentsSection({ member, onChange }: MemberSectionProps): JSX.Element {
  return (
    <ListSection<Consent>
      id="consents"
      title="Consents"
      intro={<p>Telehealth and audio-only services need the member’s consent on file before the service.</p>}
      items={member.consents}
      empty="No consents recorded."
      describe={(consent) => (
        <>
          <strong>{consentKindLabel(consent.kind)}</strong> — given {formatDate(consent.givenOn)}
          <span className="record-meta">{consentStatus(consent)}</span>
          {consent.details === null ? null : <span className="record-meta">{consent.details}</span>}
        </>
      )}
      canChange={member.access.canEdit}
      addLabel="Add a consent"
      form={(done, cancel) => (
        <RecordForm
          idPrefix="consent-new"
          fields={CONSENT_FIELDS}
          schema={ConsentRequestSchema}
          initial={{ kind: '', givenOn: todayLocalDate(), expiresOn: '', details: '' }}
          submitLabel="Add consent"
          send={(body) =>
            recordAfter(
              api.POST('/api/v1/members/{memberId}/consents', { params: memberParams(member), body }),
            )
          }
          onSaved={(saved) => done(saved, 'Added the consent.')}
          onCancel={cancel}
        />
      )}
      actions={(consent, done) => <RevokeAction member={member} consent={consent} done={done} />}
      onChange={onChange}
    />
  );
}

/** The episode's service order for medical necessity as one line: when, and who ordered it with what credential. */
function serviceOrderText(episode: Episode): string {
  if (episode.serviceOrderOn === null) return 'No service order recorded';
  const by = [episode.serviceOrderClinician, episode.serviceOrderCredential]
    .filter((part): part is string => part !== null && part.trim() !== '')
    .join(', ');
  return `Service ordered ${formatDate(episode.serviceOrderOn)}${by === '' ? '' : ` by ${by}`}`;
}
