/**
 * @module web/pages/authorizations-page
 * Billing staff and admins: prior authorizations (`/billing/authorizations`) with the units each allows,
 * has used and has left, and a form to record one the payer gave — the member (found by name with the
 * members search), payer, authorization number, procedure code and modifiers (HQ for group services: an
 * authorization covers only the service billed with exactly its code and modifiers), the program when the
 * payer named one, units and dates — checked with the shared schema, each problem beside its field.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { JSX } from 'react';
import { NewAuthorizationSchema, type AuthorizationView } from '../../../src/shared/api/billing.js';
import type { MemberSummary, Problem } from '../../../src/shared/index.js';
import { api, apiQuery, asApiError, invalidate, ok } from '../api/index.js';
import {
  AuthorizationTable,
  authorizedService,
  BillingNav,
  payerOptions,
  programOptions,
  usePrograms,
} from '../components/billing-parts.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField, TextField } from '../components/fields.js';
import { QueryView } from '../components/load-state.js';
import { memberName } from '../components/member-parts.js';
import { PageHeading } from '../components/page-heading.js';
import { StatusMessage } from '../components/status-message.js';
import { formatDate } from '../lib/format.js';
import { usePayers } from '../lib/payers.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

const FIELD_IDS = {
  memberId: 'authorization-member',
  payerPack: 'authorization-payer',
  number: 'authorization-number',
  code: 'authorization-code',
  modifiers: 'authorization-modifiers',
  programId: 'authorization-program',
  units: 'authorization-units',
  from: 'authorization-from',
  to: 'authorization-to',
} as const;
type FieldName = keyof typeof FIELD_IDS;

export function AuthorizationsPage(): JSX.Element {
  const authorizations = useQuery({
    ...apiQuery('/api/v1/billing/authorizations'),
    select: (answer) => answer.authorizations,
  });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageHeading title="Prior authorizations">Prior authorizations</PageHeading>
      <BillingNav />
      <StatusMessage message={saved} />
      <section aria-labelledby="authorizations-heading">
        <h2 id="authorizations-heading">Authorizations</h2>
        <QueryView query={authorizations} what="the authorizations">
          {(list) => <AuthorizationList authorizations={list} />}
        </QueryView>
      </section>
      <section aria-labelledby="new-authorization-heading" className="panel">
        <h2 id="new-authorization-heading">Record an authorization</h2>
        <AuthorizationForm
          onSaved={(authorization) => {
            setSaved(
              `Recorded authorization ${authorization.number} for ${authorization.member.displayName}: ${authorization.units} units of ${authorizedService(authorization)} from ${formatDate(authorization.from)} to ${formatDate(authorization.to)}.`,
            );
          }}
        />
      </section>
    </>
  );
}

function AuthorizationList({ authorizations }: { authorizations: AuthorizationView[] }): JSX.Element {
  if (authorizations.length === 0) {
    return <p>No prior authorizations are recorded.</p>;
  }
  return <AuthorizationTable caption="Prior authorizations" authorizations={authorizations} />;
}

const EMPTY = {
  memberId: '',
  payerPack: '',
  number: '',
  code: '',
  modifiers: '',
  programId: '',
  units: '',
  from: '',
  to: '',
};

/** Modifiers as typed, separated by spaces or commas: "hq" or "HQ, HF" (the schema says when one is wrong). */
function modifiersOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .filter((modifier) => modifier !== '')
    .map((modifier) => modifier.toUpperCase());
}

/** Units as typed: a whole number, or 0 (which the schema refuses, saying to authorize at least one). */
function unitsOf(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : 0;
}

function AuthorizationForm({
  onSaved,
}: {
  onSaved: (authorization: AuthorizationView) => void;
}): JSX.Element {
  const [values, setValues] = useState<Record<FieldName, string>>(EMPTY);
  const [found, setFound] = useState<MemberSummary[]>([]);
  const payers = usePayers();
  const programs = usePrograms();
  const form = useSchemaForm({
    schema: NewAuthorizationSchema,
    // The choices as made: the schema says when one is not a payer.
    input: {
      ...values,
      units: unitsOf(values.units),
      modifiers: modifiersOf(values.modifiers),
      programId: values.programId === '' ? undefined : values.programId,
    },
    send: async (body) => {
      const authorization = await ok(api.POST('/api/v1/billing/authorizations', { body }));
      // The list above, and the worklist's authorizations running out, now include it.
      await invalidate('/api/v1/billing', '/api/v1/reports');
      return authorization;
    },
    afterSuccess: 'stay',
    onSuccess: (authorization) => {
      setValues(EMPTY);
      setFound([]);
      onSaved(authorization);
    },
  });
  const field = (name: FieldName) => ({
    id: FIELD_IDS[name],
    name,
    value: values[name],
    onValueChange: (value: string) => setValues((previous) => ({ ...previous, [name]: value })),
    problems: problemsUnder(form.problems, name),
  });
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <MemberPicker
        found={found}
        onFound={(members) => {
          setFound(members);
          setValues((previous) => ({
            ...previous,
            memberId: members.length === 1 ? (members[0]?.id ?? '') : '',
          }));
        }}
      />
      <form onSubmit={form.submit} noValidate className="form">
        <SelectField
          {...field('memberId')}
          label="Member"
          hint={found.length === 0 ? 'Find the member by name first.' : undefined}
          options={[
            { value: '', label: found.length === 0 ? 'No member found yet' : 'Choose the member…' },
            ...found.map((member) => ({
              value: member.id,
              label: `${memberName(member)}, born ${formatDate(member.dateOfBirth)}`,
            })),
          ]}
        />
        <SelectField
          {...field('payerPack')}
          label="Payer"
          options={payerOptions(payers, 'Choose the payer…')}
        />
        <TextField
          {...field('number')}
          label="Authorization number"
          hint="As the payer gave it."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="field-pair">
          <TextField
            {...field('code')}
            label="Procedure code"
            hint="HCPCS, e.g. H0038."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <TextField
            {...field('modifiers')}
            label="Modifiers"
            hint="e.g. HQ for a group authorization; leave blank for individual services."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </div>
        <div className="field-pair">
          <TextField {...field('units')} label="Units authorized" inputMode="numeric" autoComplete="off" />
          <SelectField
            {...field('programId')}
            label="Program"
            hint="Only when the payer authorized the service for one program."
            options={programOptions(programs, 'Any program')}
          />
        </div>
        <div className="field-pair">
          <TextField {...field('from')} label="First day" type="date" />
          <TextField {...field('to')} label="Last day" type="date" />
        </div>
        <button type="submit" className="button" disabled={form.submitting}>
          {form.submitting ? 'Recording…' : 'Record the authorization'}
        </button>
      </form>
    </>
  );
}

/** Finds members by name with the members search, for the form's member choice. */
function MemberPicker({
  found,
  onFound,
}: {
  found: readonly MemberSummary[];
  onFound: (members: MemberSummary[]) => void;
}): JSX.Element {
  const [name, setName] = useState('');
  const [searching, setSearching] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [searched, setSearched] = useState(false);
  const search = (): void => {
    setSearching(true);
    setProblems([]);
    ok(api.GET('/api/v1/members', { params: { query: { name: name.trim() } } })).then(
      (result) => {
        setSearching(false);
        setSearched(true);
        onFound(result.members);
      },
      (error: unknown) => {
        setSearching(false);
        setProblems(asApiError(error).problems);
      },
    );
  };
  return (
    <div className="member-picker" role="search" aria-label="Find the member">
      <div className="input-with-button">
        <TextField
          id="authorization-member-search"
          label="Find the member by name"
          hint="Part of a first, last or preferred name."
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={name}
          onValueChange={setName}
          problems={problems}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
        />
        <button type="button" className="button button-secondary" onClick={search} disabled={searching}>
          {searching ? 'Finding…' : 'Find'}
        </button>
      </div>
      <p role="status" className="table-count">
        {searched ? `${found.length} ${found.length === 1 ? 'member' : 'members'} found.` : null}
      </p>
    </div>
  );
}
