/**
 * @module web/pages/user-new-page
 * Admins: add a user account with its roles and an initial password.
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { Link, useNavigate } from 'react-router';
import { CreateUserRequestSchema, MIN_PASSWORD_LENGTH } from '../../../src/shared/index.js';
import type { Role } from '../../../src/shared/index.js';
import { api, invalidate, ok } from '../api/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup, PasswordField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { ROLE_OPTIONS } from '../components/user-status.js';
import type { NoticeState } from '../lib/navigation-notice.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';

const FIELD_IDS = {
  email: 'new-user-email',
  displayName: 'new-user-name',
  roles: 'new-user-roles-peer',
  password: 'new-user-password',
} as const;

export function UserNewPage(): JSX.Element {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const form = useSchemaForm({
    schema: CreateUserRequestSchema,
    input: { email, displayName, roles, password },
    send: async (body) => {
      const { user } = await ok(api.POST('/api/v1/users', { body }));
      await invalidate('/api/v1/users');
      return user;
    },
    // Back to the list, which shows the notice.
    afterSuccess: 'leave',
    onSuccess: (user) => {
      const state: NoticeState = {
        notice: `Added ${user.displayName}. They can sign in as ${user.email} with the password you set.`,
      };
      void navigate('/users', { state });
    },
  });

  return (
    <>
      <p className="back-link">
        <Link to="/users">Back to users</Link>
      </p>
      <PageHeading title="Add a user">Add a user</PageHeading>
      <ErrorSummary problems={form.problems} fieldIds={FIELD_IDS} focusKey={form.focusKey} />
      <form onSubmit={form.submit} noValidate className="form">
        <TextField
          id={FIELD_IDS.email}
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          hint="They sign in with this address."
          value={email}
          onValueChange={setEmail}
          problems={problemsUnder(form.problems, 'email')}
        />
        <TextField
          id={FIELD_IDS.displayName}
          name="displayName"
          label="Display name"
          autoComplete="off"
          hint="The name colleagues know this person by."
          value={displayName}
          onValueChange={setDisplayName}
          problems={problemsUnder(form.problems, 'displayName')}
        />
        <CheckboxGroup
          id="new-user-roles"
          legend="Roles"
          hint="Choose one or more."
          options={ROLE_OPTIONS}
          selected={roles}
          onChange={setRoles}
          problems={problemsUnder(form.problems, 'roles')}
        />
        <PasswordField
          id={FIELD_IDS.password}
          name="password"
          label="Initial password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters; common passwords are refused. Give it to the person in a safe way, not by email.`}
          value={password}
          onValueChange={setPassword}
          problems={problemsUnder(form.problems, 'password')}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.submitting}>
            {form.submitting ? 'Adding user…' : 'Add user'}
          </button>
          <Link to="/users" className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
