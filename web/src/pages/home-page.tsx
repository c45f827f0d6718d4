/**
 * @module web/pages/home-page
 * Greets the user, lists their roles with what each lets them do in Peerline today (with links to those
 * pages), and lists the organisation's programs.
 */
import { useQuery } from '@tanstack/react-query';
import type { JSX, ReactNode } from 'react';
import { Link } from 'react-router';
import { programTypeLabel, roleLabel } from '../../../src/shared/index.js';
import type { Payer, Program, Role } from '../../../src/shared/index.js';
import { apiQuery } from '../api/index.js';
import { QueryView } from '../components/load-state.js';
import { PageHeading } from '../components/page-heading.js';
import { payerName } from '../lib/payers.js';
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
          <Link to="/staff">staff credentials</Link> current and add <Link to="/members">members</Link>.{' '}
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
  const organisation = useQuery(apiQuery('/api/v1/organisation'));
  return (
    <QueryView query={organisation} what="the programs">
      {(loaded) => (
        <ProgramCards
          programs={loaded.programs}
          payers={loaded.payers}
          organisationName={loaded.organisation.name}
        />
      )}
    </QueryView>
  );
}

function ProgramCards({
  programs,
  payers,
  organisationName,
}: {
  programs: readonly Program[];
  payers: readonly Payer[];
  organisationName: string;
}): JSX.Element {
  if (programs.length === 0) {
    return <p>{organisationName} has no programs set up in Peerline.</p>;
  }
  return (
    <ul className="card-list">
      {programs.map((program) => (
        <li key={program.id} className="card">
          <ProgramCard program={program} payers={payers} />
        </li>
      ))}
    </ul>
  );
}

/** US ZIP+4 stored as nine digits reads better as 12345-6789. */
function formatPostalCode(code: string): string {
  return /^\d{9}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

function ProgramCard({ program, payers }: { program: Program; payers: readonly Payer[] }): JSX.Element {
  const headingId = `program-${program.id}`;
  const { address } = program;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>{program.name}</h3>
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
    </article>
  );
}
