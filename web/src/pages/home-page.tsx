/**
 * @module web/pages/home-page
 * Greets the user, lists their roles with what each lets them do in Peerline today (with links to those
 * pages), and lists the organisation's programs. Admins change there which payers each program bills, so a
 * payer added from a pack file can be put to use from the app.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX, ReactNode } from 'react';
import { Link } from 'react-router';
import {
  ProgramPayersRequestSchema,
  hasAnyRole,
  programTypeLabel,
  roleLabel,
} from '../../../src/shared/index.js';
import type { OrganisationResponse, Payer, PayerPackId, Program, Role } from '../../../src/shared/index.js';
import { api, apiQuery, ok, showChanged } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { FormButtons, useFocusAfterClose, useFocusFirstField } from '../components/member-parts.js';
import type { FocusAfterClose } from '../components/member-parts.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { payerName } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { useSignedInSession } from '../session/session-context.js';

/** What a role lets its holder do in this version of Peerline. Keep it to features that exist. */
function roleToday(role: Role): ReactNode {
  switch (role) {
    case 'peer':
      return (
        <>
          Find the members on <Link to="/members">your caseload</Link>, write their plans of care and{' '}
          <Link to="/notes">service notes</Link> — the note form shows the claim code, units, amount and every
          payer problem while you type, and saves by itself. Run <Link to="/groups">group sessions</Link>,
          check <Link to="/notes/overdue">overdue notes</Link> and your credentials.
        </>
      );
    case 'supervisor':
      return (
        <>
          <Link to="/reviews">Co-sign or return notes</Link> from your team’s review queue, approve{' '}
          <Link to="/care-plans/pending">plans of care</Link>, follow{' '}
          <Link to="/notes/overdue">overdue notes</Link> per peer and program, and keep an eye on your team’s{' '}
          <Link to="/staff">credentials and compliance</Link>.
        </>
      );
    case 'clinician':
      return (
        <>
          Read members’ records and <Link to="/care-plans/pending">approve plans of care</Link> as the
          behavioral health professional.
        </>
      );
    case 'billing':
      return (
        <>
          Read <Link to="/members">members’ records</Link> and notes, record coverage and eligibility checks,
          and check <Link to="/staff">staff credentials</Link> against the{' '}
          <Link to="/payer-rules">payer rules</Link>.
        </>
      );
    case 'admin':
      return (
        <>
          <Link to="/users">Manage users</Link>: add accounts, change names and roles, deactivate and
          reactivate accounts, and reset passwords (a reset also unlocks a locked account). Keep{' '}
          <Link to="/staff">staff credentials</Link> current and add <Link to="/members">members</Link>.
          Choose the payers each program bills, on its card below.{' '}
          <Link to="/audit">Review the audit log</Link>: who did what, when, from which address, and with what
          outcome. Developers can read the <a href="/api/docs">API reference</a>.
        </>
      );
  }
}

export function HomePage(): JSX.Element {
  const session = useSignedInSession();
  const { user } = session;
  return (
    <>
      <PageHeading title="Home">Hello, {user.displayName}</PageHeading>
      <p className="lead">
        You are signed in to {user.organisation.name} as {user.email}.
      </p>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">Your roles and what you can do today</h2>
        <dl className="role-list">
          {user.roles.map((role) => (
            <div key={role} className="role-item">
              <dt>{roleLabel(role)}</dt>
              <dd>{roleToday(role)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="programs-heading">
        <h2 id="programs-heading">Programs</h2>
        <Programs />
      </section>
    </>
  );
}

function Programs(): JSX.Element {
  const { user } = useSignedInSession();
  const query = apiQuery('/api/v1/organisation');
  const organisation = useQuery(query);
  const canChangePayers = hasAnyRole(user.roles, ['admin']);
  return (
    <QueryView query={organisation} what="the programs">
      {(loaded) => (
        <ProgramCards
          loaded={loaded}
          onProgramChanged={
            canChangePayers
              ? (changed) =>
                  showChanged(query, {
                    ...loaded,
                    programs: loaded.programs.map((each) => (each.id === changed.id ? changed : each)),
                  })
              : null
          }
        />
      )}
    </QueryView>
  );
}

function ProgramCards({
  loaded,
  onProgramChanged,
}: {
  loaded: OrganisationResponse;
  /** Shows a program as the server now has it; null when the user may not change programs. */
  onProgramChanged: ((program: Program) => void) | null;
}): JSX.Element {
  const { programs, payers, organisation } = loaded;
  if (programs.length === 0) {
    return <p>{organisation.name} has no programs set up in Peerline.</p>;
  }
  return (
    <ul className="card-list">
      {programs.map((program) => (
        <li key={program.id} className="card">
          <ProgramCard program={program} payers={payers} onChanged={onProgramChanged} />
        </li>
      ))}
    </ul>
  );
}

/** US ZIP+4 stored as nine digits reads better as 12345-6789. */
function formatPostalCode(code: string): string {
  return /^\d{9}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

function ProgramCard({
  program,
  payers,
  onChanged,
}: {
  program: Program;
  payers: readonly Payer[];
  onChanged: ((program: Program) => void) | null;
}): JSX.Element {
  const headingId = `program-${program.id}`;
  const { address } = program;
  const focusAfterClose = useFocusAfterClose();
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} ref={focusAfterClose.heading} tabIndex={-1}>
        {program.name}
      </h3>
      <dl className="facts">
        <div>
          <dt>Type</dt>
          <dd>{programTypeLabel(program.type)}</dd>
        </div>
        <div>
          <dt>Payer rule packs</dt>
          <dd>
            {program.payerPacks.length === 0 ? (
              'None'
            ) : (
              <ul className="inline-list">
                {program.payerPacks.map((pack) => (
                  <li key={pack}>
                    {payerName(payers, pack)} <code>{pack}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>NPI</dt>
          <dd>{program.npi}</dd>
        </div>
        <div>
          <dt>Taxonomy</dt>
          <dd>{program.taxonomy}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{program.timeZone}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>
            {address.line1}
            {address.line2 === null ? null : `, ${address.line2}`}, {address.city}, {address.state}{' '}
            {formatPostalCode(address.postalCode)}
          </dd>
        </div>
      </dl>
      {onChanged === null ? null : (
        <ProgramPayers program={program} payers={payers} focus={focusAfterClose} onChanged={onChanged} />
      )}
    </article>
  );
}

/** Names in a sentence: "A", "A and B", "A, B, and C". */
const nameList = new Intl.ListFormat('en-US', { type: 'conjunction' });

/** Admins: the "Change payers" button, the form it opens in its place, and the confirmation after a save. */
function ProgramPayers({
  program,
  payers,
  focus,
  onChanged,
}: {
  program: Program;
  payers: readonly Payer[];
  focus: FocusAfterClose;
  onChanged: (program: Program) => void;
}): JSX.Element {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      {editing ? (
        <ProgramPayersForm
          program={program}
          payers={payers}
          onSaved={(changed) => {
            setEditing(false);
            setSaved(
              `Saved: ${changed.name} bills ${nameList.format(changed.payerPacks.map((pack) => payerName(payers, pack)))}.`,
            );
            focus.closed('saved');
            onChanged(changed);
          }}
          onCancel={() => {
            setEditing(false);
            focus.closed('cancelled');
          }}
        />
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setSaved(null);
            setEditing(true);
          }}
        >
          Change payers<span className="visually-hidden"> of {program.name}</span>
        </button>
      )}
      <StatusMessage message={saved} ref={focus.message} />
    </>
  );
}

/**
 * The program's payers first, in their order of preference, then every other payer the server has rules for.
 * A payer the program bills that the server no longer has is still offered (under its id), so the admin sees
 * it and can take it off.
 */
function payerOptions(program: Program, payers: readonly Payer[]): { value: PayerPackId; label: string }[] {
  const others = payers.filter((payer) => !program.payerPacks.includes(payer.id)).map((payer) => payer.id);
  return [...program.payerPacks, ...others].map((id) => ({ value: id, label: payerName(payers, id) }));
}

function ProgramPayersForm({
  program,
  payers,
  onSaved,
  onCancel,
}: {
  program: Program;
  payers: readonly Payer[];
  onSaved: (program: Program) => void;
  onCancel: () => void;
}): JSX.Element {
  const [options] = useState(() => payerOptions(program, payers));
  const [payerPacks, setPayerPacks] = useState<PayerPackId[]>(() => [...program.payerPacks]);
  const formRef = useFocusFirstField();
  const fieldId = `program-${program.id}-payers`;
  const optionId = (pack: PayerPackId): string => `${fieldId}-${pack}`;
  // A refused pack (['body', 'payerPacks', index]) links to its own checkbox; the rest to the first one.
  const fieldIds: Record<string, string> = {
    payerPacks: optionId(options[0]?.value ?? ''),
    ...Object.fromEntries(payerPacks.map((pack, index) => [`payerPacks.${index}`, optionId(pack)])),
  };
  const form = useSchemaForm({
    schema: ProgramPayersRequestSchema,
    input: { payerPacks },
    send: (body) =>
      ok(
        api.PUT('/api/v1/organisation/programs/{id}/payers', { params: { path: { id: program.id } }, body }),
      ),
    afterSuccess: 'stay',
    onSuccess: onSaved,
  });
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={fieldIds} focusKey={form.focusKey} />
      <form ref={formRef} onSubmit={form.submit} noValidate className="form">
        <CheckboxGroup
          id={fieldId}
          legend={`Payers ${program.name} bills`}
          hint="Most preferred first: the first of them that covers a member on the date of service judges the note. A payer you add goes after the ones already chosen."
          options={options}
          selected={payerPacks}
          onChange={setPayerPacks}
          problems={problemsUnder(form.problems, 'payerPacks')}
        />
        <FormButtons submitting={form.submitting} submitLabel="Save payers" onCancel={onCancel} />
      </form>
    </>
  );
}
